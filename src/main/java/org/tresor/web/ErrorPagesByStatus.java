package org.tresor.web;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The template {@code error/<status>}, else {@code error/<series>xx}, where one exists (the 429 page says when to
 * try again); otherwise the general error page. The templates are listed once at start: Spring Boot's
 * {@code DefaultErrorViewResolver} also looks for static error pages at every error, through every jar of the class
 * path (in a profile of 404s from the packaged jar, more samples were in that search than anywhere else).
 */
final class ErrorPagesByStatus implements ErrorViewResolver, Ordered {

	private final Set<String> templates;

	ErrorPagesByStatus(ResourcePatternResolver resources) throws IOException {
		this.templates = Stream.of(resources.getResources("classpath:/templates/error/*.html"))
			.map(Resource::getFilename)
			.map(name -> name.substring(0, name.length() - ".html".length()))
			.collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		return Stream.of(String.valueOf(status.value()), status.series().value() + "xx")
			.filter(templates::contains)
			.findFirst()
			.map(name -> new ModelAndView("error/" + name, model))
			.orElse(null);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
