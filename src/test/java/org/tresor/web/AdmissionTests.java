package org.tresor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.tresor.kernel.Turnstile;

import jakarta.servlet.FilterChain;

/** Requests of one kind run a few at a time; a few more wait their turn, the others get the 503 page at once. */
class AdmissionTests {

	private final AtomicInteger passedOn = new AtomicInteger();

	private final CountDownLatch inside = new CountDownLatch(1);

	private final CountDownLatch leave = new CountDownLatch(1);

	private final ExecutorService threads = Executors.newFixedThreadPool(2);

	@AfterEach
	void stopThreads() {
		leave.countDown();
		threads.shutdownNow();
	}

	@Test
	void aRequestBeyondTheOnesHandledWaitsItsTurnAndIsThenHandled() throws Exception {
		var turnstile = new Turnstile(1, 1);
		var admission = admission(turnstile, Duration.ofSeconds(30));
		holdThePlace(admission);

		Future<MockHttpServletResponse> waiting = threads.submit(() -> filter(admission, ticketRequest()));
		for (int i = 0; i < 1000 && turnstile.queued() == 0; i++) {
			Thread.sleep(10);
		}
		assertThat(turnstile.queued()).as("waiting its turn").isEqualTo(1);

		leave.countDown();
		assertThat(waiting.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
		assertThat(passedOn).hasValue(2);
	}

	@Test
	void aRequestThatFindsTheQueueFullGetsTheUnavailablePageAtOnce() throws Exception {
		var admission = admission(new Turnstile(1, 0), Duration.ofSeconds(30));
		holdThePlace(admission);

		var refused = filter(admission, ticketRequest());

		assertThat(refused.getStatus()).isEqualTo(503);
		assertThat(refused.getHeader("Retry-After")).isEqualTo("10");
		assertThat(refused.getForwardedUrl()).as("the page, rendered without the session store").isEqualTo("/error");
		assertThat(passedOn).as("the refused request went no further").hasValue(1);
	}

	@Test
	void aRequestWhoseWaitRunsOutGetsTheUnavailablePage() throws Exception {
		var admission = admission(new Turnstile(1, 1), Duration.ofMillis(50));
		holdThePlace(admission);

		var refused = filter(admission, ticketRequest());

		assertThat(refused.getStatus()).isEqualTo(503);
		assertThat(refused.getHeader("Retry-After")).isEqualTo("10");
		assertThat(passedOn).hasValue(1);
	}

	@Test
	void otherRequestsPassWhileEveryPlaceIsTaken() throws Exception {
		var admission = admission(new Turnstile(1, 0), Duration.ofSeconds(30));
		holdThePlace(admission);

		assertThat(filter(admission, request("GET", "/submit/info")).getStatus()).as("the form").isEqualTo(200);
		assertThat(filter(admission, request("POST", "/submit/t/some-token")).getStatus()).as("an upload")
			.isEqualTo(200);
		assertThat(filter(admission, request("POST", "/login")).getStatus()).as("a sign-in").isEqualTo(200);
		assertThat(passedOn).hasValue(4);
	}

	private static Admission admission(Turnstile turnstile, Duration maxWait) {
		return new Admission("Ticket request", request -> request.getMethod().equals("POST")
				&& request.getRequestURI().matches("/submit/[a-z]+"), turnstile, maxWait, Duration.ofSeconds(10),
				new RememberedUnavailablePage(new AcceptHeaderLocaleResolver()));
	}

	/** A ticket request that stays inside until the test lets it go. */
	private void holdThePlace(Admission admission) throws InterruptedException {
		threads.submit(() -> {
			admission.doFilter(ticketRequest(), new MockHttpServletResponse(), (request, response) -> {
				passedOn.incrementAndGet();
				inside.countDown();
				try {
					leave.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			});
			return null;
		});
		assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
	}

	private MockHttpServletResponse filter(Admission admission, MockHttpServletRequest request)
			throws Exception {
		var response = new MockHttpServletResponse();
		admission.doFilter(request, response, counting());
		return response;
	}

	private FilterChain counting() {
		return (request, response) -> passedOn.incrementAndGet();
	}

	private static MockHttpServletRequest ticketRequest() {
		return request("POST", "/submit/info");
	}

	private static MockHttpServletRequest request(String method, String path) {
		var request = new MockHttpServletRequest(method, path);
		request.setServletPath(path);
		return request;
	}
}
