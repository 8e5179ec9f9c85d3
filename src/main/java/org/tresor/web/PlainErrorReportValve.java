package org.tresor.web;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * The last resort for errors Tomcat answers itself, before any filter or the application's error page runs
 * (a URL with an encoded NUL or {@code /../}, say): instead of Tomcat's own page, a short page in German and
 * English with the same security headers as every other answer. No status text from Tomcat, no server version,
 * no exception.
 */
class PlainErrorReportValve extends ErrorReportValve {

	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; "
			+ "form-action 'none'";

	private static final String PAGE = """
			<!DOCTYPE html>
			<html lang="de"><head><meta charset="UTF-8"><title>Fehler – Error</title></head>
			<body><main><h1>Fehler</h1><p>Die Anfrage konnte nicht bearbeitet werden.</p>
			<p lang="en">Error: the request could not be handled.</p>
			<p><a href="/">Zur Startseite</a> · <a href="/" lang="en">Home</a></p></main></body></html>
			""";

	private final String strictTransportSecurity;

	/** @param strictTransportSecurity the HSTS header's value, or null for none (outside production) */
	PlainErrorReportValve(String strictTransportSecurity) {
		this.strictTransportSecurity = strictTransportSecurity;
	}

	@Override
	protected void report(Request request, Response response, Throwable failure) {
		if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Cache-Control", "no-store");
		if (strictTransportSecurity != null) {
			response.setHeader("Strict-Transport-Security", strictTransportSecurity);
		}
		try {
			response.setContentType("text/html");
			response.setCharacterEncoding("UTF-8");
			var writer = response.getReporter();
			if (writer != null) {
				writer.write(PAGE);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException e) {
			// the client went away, or the answer was already under way: nothing more to tell it
		}
	}
}
