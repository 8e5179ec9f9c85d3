package org.tresor.kernel;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.util.PlaceholderResolutionException;

/**
 * The prod profile takes its database, SMTP server and public address from environment variables without
 * defaults ({@code ${TRESOR_DB_URL}}). When one is missing, Spring reports an unresolvable placeholder deep in a
 * stack trace; this names the variable instead.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class MissingSettingFailureAnalyzer extends AbstractFailureAnalyzer<PlaceholderResolutionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PlaceholderResolutionException cause) {
		var name = cause.getPlaceholder();
		if (name == null || !name.startsWith("TRESOR_")) {
			return null;
		}
		return new FailureAnalysis(
				"Tresor cannot start: the environment variable " + name + " is not set, and this profile has no default"
						+ " for it.",
				"Set " + name + ". The README's table lists every setting, its environment variable and its default.",
				cause);
	}
}
