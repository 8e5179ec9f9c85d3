package org.tresor.kernel;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Says in one paragraph which setting stopped the start and how to fix it, instead of a bean creation stack
 * trace. Registered in {@code META-INF/spring.factories}; runs before Spring Boot's own analyzers.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class SettingsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingException cause) {
		return new FailureAnalysis(
				"Tresor cannot start: the setting " + cause.setting() + " (environment variable "
						+ cause.environmentVariable() + ") " + cause.problem() + ".",
				"Correct " + cause.environmentVariable() + " (or " + cause.setting()
						+ "). The README's table lists every setting, its environment variable and its default.",
				cause);
	}
}
