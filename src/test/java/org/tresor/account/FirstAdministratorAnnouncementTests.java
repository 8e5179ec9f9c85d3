package org.tresor.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class FirstAdministratorAnnouncementTests {

	@Test
	void describesTheLifetimeInWords() {
		assertThat(FirstAdministratorAnnouncement.describe(Duration.ofHours(24))).isEqualTo("24 hours");
		assertThat(FirstAdministratorAnnouncement.describe(Duration.ofHours(1))).isEqualTo("1 hour");
		assertThat(FirstAdministratorAnnouncement.describe(Duration.ofDays(7))).isEqualTo("7 days");
		assertThat(FirstAdministratorAnnouncement.describe(Duration.ofMinutes(90))).isEqualTo("90 minutes");
	}
}
