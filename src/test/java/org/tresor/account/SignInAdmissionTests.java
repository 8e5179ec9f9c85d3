package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.tresor.web.Admission;
import org.tresor.web.RememberedUnavailablePage;

import jakarta.servlet.FilterChain;

/** Two sign-ins per password hash at once, the queue's worth waiting; the others are refused before anything runs. */
class SignInAdmissionTests {

	private final AtomicInteger passedOn = new AtomicInteger();

	@Test
	void refusesASignInAtOnceWhileEveryPlaceIsTakenButNeverTheLoginPage() throws Exception {
		var admission = admission(new AccountProperties(Duration.ofHours(24), Duration.ofDays(7), Duration.ofHours(1), 1, 0, ""));
		var inside = new CountDownLatch(2);
		var leave = new CountDownLatch(1);
		var threads = Executors.newFixedThreadPool(2);
		try {
			for (int i = 0; i < 2; i++) {
				threads.submit(() -> {
					admission.doFilter(login(), new MockHttpServletResponse(), (request, response) -> {
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
			}
			assertThat(inside.await(10, TimeUnit.SECONDS)).as("two sign-ins for one hash").isTrue();

			var refused = new MockHttpServletResponse();
			admission.doFilter(login(), refused, counting());
			assertThat(refused.getStatus()).isEqualTo(503);
			assertThat(refused.getHeader("Retry-After")).isEqualTo("10");
			assertThat(passedOn).as("the refused sign-in went no further").hasValue(0);

			var page = new MockHttpServletResponse();
			admission.doFilter(new MockHttpServletRequest("GET", "/login"), page, counting());
			assertThat(page.getStatus()).as("the login page is no sign-in").isEqualTo(200);
		}
		finally {
			leave.countDown();
			threads.shutdownNow();
		}
	}

	private static Admission admission(AccountProperties properties) {
		return new SignInAdmission()
			.signInAdmissionFilter(properties, new RememberedUnavailablePage(new AcceptHeaderLocaleResolver()))
			.getFilter();
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
