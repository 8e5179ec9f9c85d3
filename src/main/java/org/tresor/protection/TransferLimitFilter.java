package org.tresor.protection;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.tresor.web.RememberedUnavailablePage;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Admits an upload or download ({@link TransferRoutes}) only within {@link TransferLimits}; beyond them it answers
 * 503 at once, with {@code Retry-After}, {@code Connection: close} and the page {@code protection/transfers-busy}
 * in the reader's language, before a byte of the body is read: no session, no database, no ticket used up. First
 * in line after the security headers, ahead of the session and Spring Security, so a refusal costs a worker thread
 * only as long as it takes to write the page.
 */
class TransferLimitFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(TransferLimitFilter.class);

	/** Request attribute naming the {@link TransferLimits.Refusal}; the error page reads it. */
	static final String REFUSAL = TransferLimitFilter.class.getName() + ".refusal";

	private final List<PathPattern> uploads;

	private final List<PathPattern> downloads;

	private final TransferLimits limits;

	private final ClientAddresses clients;

	private final Duration retryAfter;

	private final RememberedUnavailablePage refusalPage;

	TransferLimitFilter(List<TransferRoutes> routes, TransferLimits limits, ClientAddresses clients,
			TransferProperties properties, RememberedUnavailablePage refusalPage) {
		var parser = PathPatternParser.defaultInstance;
		this.uploads = routes.stream().flatMap(r -> r.uploads().stream()).map(parser::parse).toList();
		this.downloads = routes.stream().flatMap(r -> r.downloads().stream()).map(parser::parse).toList();
		this.limits = limits;
		this.clients = clients;
		this.retryAfter = properties.retryAfter();
		this.refusalPage = refusalPage;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isTransfer(request)) {
			chain.doFilter(request, response);
			return;
		}
		var admission = limits.tryStart(clients.of(request));
		if (admission.permit().isEmpty()) {
			refuse(admission.refusal(), request, response);
			return;
		}
		try (var permit = admission.permit().get()) {
			chain.doFilter(request, response);
		}
	}

	/** Matched as Spring MVC matches handlers: the decoded path within the application, path parameters removed. */
	boolean isTransfer(HttpServletRequest request) {
		PathContainer path = RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication();
		if (HttpMethod.POST.matches(request.getMethod()) && uploads.stream().anyMatch(pattern -> pattern.matches(path))) {
			return true;
		}
		return downloads.stream().anyMatch(pattern -> pattern.matches(path));
	}

	/**
	 * The 503 page ({@link TransfersBusyPage}), rendered without the session store, so a refusal never waits for
	 * the database; rendered once per language and reason, then sent from memory (a thousand uploads at once are
	 * mostly refused). The connection closes after the answer: the body that follows is not read (a large remainder
	 * is not even drained, see the server's configuration), so the refusal frees the thread at once.
	 */
	private void refuse(TransferLimits.Refusal refusal, HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		// the kind of refusal only: the path may hold a ticket's token
		log.warn("Transfer answered 503: {}", refusal);
		request.setAttribute(REFUSAL, refusal);
		response.setHeader(HttpHeaders.CONNECTION, "close");
		refusalPage.send(request, response, retryAfter, refusal.name());
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		/** Right after the security headers (first in line), ahead of Spring Session and Spring Security. */
		static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

		@Bean
		FilterRegistrationBean<TransferLimitFilter> transferLimitFilter(List<TransferRoutes> routes,
				TransferLimits limits, ClientAddresses clients, TransferProperties properties,
				RememberedUnavailablePage refusalPage) {
			var registration = new FilterRegistrationBean<>(
					new TransferLimitFilter(routes, limits, clients, properties, refusalPage));
			registration.setOrder(ORDER);
			registration.setDispatcherTypes(DispatcherType.REQUEST);
			return registration;
		}
	}
}
