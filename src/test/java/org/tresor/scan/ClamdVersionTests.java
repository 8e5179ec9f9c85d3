package org.tresor.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class ClamdVersionTests {

	static final ClamdVersion OFFICIAL = ClamdVersion.parse("ClamAV 1.4.6/27481/Sun Dec  6 09:41:24 2026", ZoneOffset.UTC);

	@Test
	void readsEngineSignaturesAndTheirDate() {
		assertThat(OFFICIAL.engine()).isEqualTo("1.4.6");
		assertThat(OFFICIAL.signatures()).contains(27481L);
		assertThat(OFFICIAL.signaturesDate()).contains(Instant.parse("2026-12-06T09:41:24Z"));
	}

	@Test
	void signaturesOlderThanTheMaximumAgeAreOutdated() {
		assertThat(OFFICIAL.outdated(Instant.parse("2026-12-09T09:41:23Z"), Duration.ofDays(3))).isFalse();
		assertThat(OFFICIAL.outdated(Instant.parse("2026-12-09T09:41:25Z"), Duration.ofDays(3))).isTrue();
	}

	@Test
	void localSignaturesOnlyHaveNoDateAndCountAsOutdated() {
		var local = ClamdVersion.parse("ClamAV 1.4.6", ZoneOffset.UTC);

		assertThat(local.engine()).isEqualTo("1.4.6");
		assertThat(local.signatures()).isEmpty();
		assertThat(local.outdated(Instant.parse("2026-12-07T00:00:00Z"), Duration.ofDays(3))).isTrue();
	}

	@Test
	void anUnexpectedReplyIsShownAsItCame() {
		assertThat(ClamdVersion.parse("something else\n", ZoneOffset.UTC).engine()).isEqualTo("something else");
	}
}
