package org.tresor.crypto;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Where gpg is missing, its tests skip on a developer's machine and fail in CI. */
class GnuPgTests {

	@Test
	void aMissingGpgFailsTheTestInCi() {
		assertThatThrownBy(() -> GnuPg.assumeAvailable(false, Map.of("CI", "true"))).isInstanceOf(AssertionError.class)
			.hasMessageContaining("CI=true")
			.hasMessageContaining("gnupg");
	}

	@Test
	void aMissingGpgSkipsTheTestElsewhere() {
		assertThatThrownBy(() -> GnuPg.assumeAvailable(false, Map.of())).isInstanceOf(TestAbortedException.class)
			.hasMessageContaining("gpg is not installed");
		assertThatThrownBy(() -> GnuPg.assumeAvailable(false, Map.of("CI", "false")))
			.isInstanceOf(TestAbortedException.class);
	}

	@Test
	void anInstalledGpgRunsTheTest() {
		assertThatCode(() -> GnuPg.assumeAvailable(true, Map.of("CI", "true"))).doesNotThrowAnyException();
		assertThatCode(() -> GnuPg.assumeAvailable(true, Map.of())).doesNotThrowAnyException();
	}
}
