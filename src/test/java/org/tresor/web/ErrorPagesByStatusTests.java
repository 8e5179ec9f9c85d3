package org.tresor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

class ErrorPagesByStatusTests {

	private final ErrorPagesByStatus pages;

	ErrorPagesByStatusTests() throws IOException {
		pages = new ErrorPagesByStatus(new PathMatchingResourcePatternResolver());
	}

	@Test
	void aStatusWithItsOwnTemplateGetsIt() {
		var view = pages.resolveErrorView(new MockHttpServletRequest(), HttpStatus.TOO_MANY_REQUESTS,
				Map.of("status", 429));

		assertThat(view.getViewName()).isEqualTo("error/429");
		assertThat(view.getModel()).containsEntry("status", 429);
	}

	@Test
	void aStatusWithoutATemplateLeavesTheGeneralErrorPage() {
		assertThat(pages.resolveErrorView(new MockHttpServletRequest(), HttpStatus.NOT_FOUND, Map.of())).isNull();
	}
}
