package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.FilterChain;

/** Sign-ins beyond the places of the password hashing are refused before anything else runs. */
class SignInAdmissionTests {

	private final AtomicInteger passedOn = new AtomicInteger();

	@Test
	void refusesASignInAtOnceWhileEveryPlaceIsTakenAndAdmitsOneAgainWhenAPlaceIsFree() throws Exception {
		var admission = new SignInAdmission(1);
		var inside = new CountDownLatch(1);
		var leave = new CountDownLatch(1);
		var threads = Executors.newSingleThreadExecutor();
		try {
			var first = threads.submit(() -> {
				admission.doFilter(login(), new MockHttpServletResponse(), (request, response) -> {
					passedOn.incrementAndGet();
					inside.countDown();
					try {
						leave.await(10, TimeUnit.SECONDS);
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
				});
				return null;
			});
			assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

			var refused = new MockHttpServletResponse();
			admission.doFilter(login(), refused, counting());
			assertThat(refused.getStatus()).isEqualTo(503);
			assertThat(refused.getHeader("Retry-After")).isEqualTo("10");
			assertThat(refused.getForwardedUrl()).as("the page, rendered without the session store").isEqualTo("/error");
			assertThat(passedOn).as("the refused sign-in went no further").hasValue(1);

			var page = new MockHttpServletResponse();
			admission.doFilter(new MockHttpServletRequest("GET", "/login"), page, counting());
			assertThat(page.getStatus()).as("the login page is no sign-in").isEqualTo(200);

			leave.countDown();
			first.get(10, TimeUnit.SECONDS);
			var admitted = new MockHttpServletResponse();
			admission.doFilter(login(), admitted, counting());
			assertThat(admitted.getStatus()).isEqualTo(200);
			assertThat(passedOn).hasValue(3);
		}
		finally {
			threads.shutdownNow();
		}
	}

	private FilterChain counting() {
		return (request, response) -> passedOn.incrementAndGet();
	}

	private static MockHttpServletRequest login() {
		var request = new MockHttpServletRequest("POST", "/login");
		request.setServletPath("/login");
		return request;
	}
}
