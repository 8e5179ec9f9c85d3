package org.tresor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/test-tools.sh}, which the build runs before the tests, in its dry run with a PATH made up of
 * only the commands each case has: it installs what is missing where it can and otherwise stops the build
 * with what to install.
 */
class TestToolsScriptTests {

	private static final Path SCRIPT = Path.of("scripts/test-tools.sh").toAbsolutePath();

	@TempDir
	Path bin;

	record Run(int exitCode, String output) {
	}

	@Test
	void doesNothingWhereEverythingIsInstalled() throws Exception {
		link("id", "apt-get", "chromium", "chromedriver", "gpg", "clamd");
		var run = run(Map.of());
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains("are installed").doesNotContain("apt-get install");
	}

	@Test
	void installsWhatIsMissingWithAptGetAsRoot() throws Exception {
		Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "runs as root only");
		link("id", "apt-get");
		var run = run(Map.of());
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains("would run: apt-get update")
			.contains("would run: apt-get install -y -qq --no-install-recommends chromium chromium-driver gnupg");
		if (!Files.isExecutable(Path.of("/usr/sbin/clamd"))) {
			assertThat(run.output()).contains("gnupg clamav-daemon");
		}
	}

	@Test
	void stopsTheBuildSayingWhatToInstallWhereItCannotInstall() throws Exception {
		link("id", "gpg", "clamd");
		var run = run(Map.of());
		assertThat(run.exitCode()).as(run.output()).isOne();
		assertThat(run.output()).contains("there is no apt-get on this machine")
			.contains("sudo apt-get install chromium chromium-driver")
			.doesNotContain("would run");
	}

	@Test
	void onlyWarnsOfAMissingGpgExceptInCi() throws Exception {
		link("id", "chromium", "chromedriver", "clamd");
		var run = run(Map.of());
		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains("WARNING").contains("their tests (GnuPG, ClamAV) will be skipped");

		var inCi = run(Map.of("CI", "true"));
		assertThat(inCi.exitCode()).as(inCi.output()).isOne();
		assertThat(inCi.output()).contains("sudo apt-get install gnupg");
	}

	private void link(String... commands) throws IOException {
		for (var command : commands) {
			var real = List.of(Path.of("/usr/bin", command), Path.of("/bin", command), Path.of("/usr/sbin", command))
				.stream()
				.filter(Files::isExecutable)
				.findFirst()
				// a stand-in: the script only asks whether the command is there
				.orElse(null);
			var link = bin.resolve(command);
			if (real != null) {
				Files.createSymbolicLink(link, real);
			}
			else {
				Files.writeString(link, "#!/bin/sh\nexit 0\n");
				link.toFile().setExecutable(true);
			}
		}
	}

	private Run run(Map<String, String> environment) throws Exception {
		var process = new ProcessBuilder("/bin/bash", SCRIPT.toString(), "--dry-run").redirectErrorStream(true);
		process.environment().clear();
		process.environment().put("PATH", bin.toString());
		process.environment().putAll(environment);
		var started = process.start();
		var output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(started.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return new Run(started.exitValue(), output);
	}
}
