package org.tresor.web;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import jakarta.servlet.ServletException;

/**
 * Tomcat moves request and response bodies through 8 KiB socket buffers by default, one system call per
 * 8 KiB: for uploads and downloads of gigabytes that costs more CPU than reading and writing the data.
 * 64 KiB buffers take an eighth of the calls; they cost 128 KiB of heap per open connection, idle keep-alive
 * ones included, which is why {@code server.tomcat.max-connections} is bounded (see docs/operations.md).
 * <p>
 * A request answered before its body was read (a refused upload) does not hold its worker thread while the rest
 * arrives: see {@link CloseInsteadOfDraining}.
 */
@Configuration(proxyBeanMethods = false)
class ServerConfiguration {

	@Bean
	TomcatConnectorCustomizer largeSocketBuffers() {
		return connector -> {
			connector.setProperty("socket.appReadBufSize", Integer.toString(SocketBuffers.SIZE));
			connector.setProperty("socket.appWriteBufSize", Integer.toString(SocketBuffers.SIZE));
		};
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> closeInsteadOfDraining(TomcatServerProperties server) {
		long limit = server.getMaxSwallowSize().toBytes();
		return factory -> factory.addEngineValves(new CloseInsteadOfDraining(limit));
	}

	/**
	 * After the answer to a request whose body is still partly unread, Tomcat reads ("swallows") the rest on the
	 * worker thread, so that the connection can serve the next request and the browser, still sending, sees the
	 * answer instead of a reset: up to {@code server.tomcat.max-swallow-size}, then it closes. A client sending
	 * slowly holds the thread all that time, outside any limit. This valve closes the connection right after the
	 * answer instead, without reading any of the rest, whenever more than that size is left (or an unknown amount,
	 * when the body is chunked). A small remainder is still drained, so a browser that sent a small form sees the
	 * error page.
	 */
	static final class CloseInsteadOfDraining extends ValveBase {

		private final long limit;

		CloseInsteadOfDraining(long limit) {
			super(true);
			this.limit = limit;
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			try {
				getNext().invoke(request, response);
			}
			finally {
				if (!request.isAsyncStarted() && leavesMoreThanLimitUnread(request)) {
					request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
				}
			}
		}

		private boolean leavesMoreThanLimitUnread(Request request) {
			var coyote = request.getCoyoteRequest();
			long length = coyote.getContentLengthLong();
			if (length < 0) {
				return request.getHeader("Transfer-Encoding") != null && !coyote.isFinished();
			}
			return length - coyote.getBytesRead() > limit && !coyote.isFinished();
		}
	}

	/**
	 * Tomcat's own error page (what it answers to a request it refuses before the application sees it) becomes
	 * {@link PlainErrorReportValve}. Spring Boot adds its error report valve to the host first; this replaces it.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> plainErrorReports(Environment environment) {
		// production runs behind HTTPS: the same HSTS header as every other answer (see SecurityConfiguration)
		var hsts = environment.acceptsProfiles(Profiles.of("prod")) ? "max-age=31536000" : null;
		return factory -> factory.addContextCustomizers(context -> {
			var pipeline = context.getParent().getPipeline();
			for (var valve : pipeline.getValves()) {
				if (valve instanceof ErrorReportValve) {
					pipeline.removeValve(valve);
				}
			}
			pipeline.addValve(new PlainErrorReportValve(hsts));
			// else the host adds Tomcat's own valve again when it starts, since it finds none by that class name
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(PlainErrorReportValve.class.getName());
			}
		});
	}
}
