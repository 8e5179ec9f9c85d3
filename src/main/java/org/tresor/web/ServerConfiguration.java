package org.tresor.web;

import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Tomcat moves request and response bodies through 8 KiB socket buffers by default, one system call per
 * 8 KiB: for uploads and downloads of gigabytes that costs more CPU than reading and writing the data.
 * 64 KiB buffers take an eighth of the calls; they cost 128 KiB of heap per open connection.
 */
@Configuration(proxyBeanMethods = false)
class ServerConfiguration {

	static final int SOCKET_BUFFER_SIZE = 1 << 16;

	@Bean
	TomcatConnectorCustomizer largeSocketBuffers() {
		return connector -> {
			connector.setProperty("socket.appReadBufSize", Integer.toString(SOCKET_BUFFER_SIZE));
			connector.setProperty("socket.appWriteBufSize", Integer.toString(SOCKET_BUFFER_SIZE));
		};
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
