package org.tresor;

import java.util.Map;

import org.junit.jupiter.api.Assumptions;

/**
 * A program some tests need besides Java ({@code scripts/test-tools.sh} installs it). Where it is missing, its tests
 * skip on a developer's machine, saying so, and fail under {@code CI=true}: CI installs it, so a missing one is a
 * broken machine, not a reason to test less.
 *
 * @param command what is looked for ({@code gpg})
 * @param debianPackage what brings it ({@code gnupg})
 * @param tested what its tests prove ("GnuPG interoperability and libgcrypt")
 */
public record TestTool(String command, String debianPackage, String tested) {

	public void assumeAvailable(boolean available, Map<String, String> environment) {
		if (available) {
			return;
		}
		if ("true".equalsIgnoreCase(environment.getOrDefault("CI", ""))) {
			throw new AssertionError(command + " is not installed, and CI=true: " + tested
					+ " must be tested in CI (apt-get install " + debianPackage + ")");
		}
		Assumptions.abort(command + " is not installed: " + tested + " is not tested");
	}
}
