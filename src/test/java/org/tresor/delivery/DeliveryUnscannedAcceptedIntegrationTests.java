package org.tresor.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.tresor.scan.ScannedByClamd;
import org.tresor.scan.ScanningOn;

/** With accept-unscanned, a delivery sent while clamd is down goes out, its files marked, the audit log saying so. */
@ScannedByClamd
@TestPropertySource(properties = "tresor.scan.when-unavailable=accept-unscanned")
class DeliveryUnscannedAcceptedIntegrationTests extends DeliveryIntegrationTest {

	@Test
	void aDeliveryWhileClamdIsDownIsSentMarkedNotScanned() throws Exception {
		var subject = "While clamd is down " + System.nanoTime();
		var clamd = ScanningOn.clamd();
		clamd.kill();
		try {
			send(newAddress(), subject, "", randomFile("terms.txt", 3000));
		}
		finally {
			clamd.restart();
		}

		var reference = jdbc.queryForObject("select reference from deliveries where subject = ?", String.class, subject);
		assertThat(jdbc.queryForObject("select count(*) from parcel_parts p join deliveries d on p.delivery_id = d.id"
				+ " where d.reference = ? and p.not_scanned", Integer.class, reference)).isOne();
		assertThat(jdbc.queryForList("select subject from audit_entries where action = 'NOT_SCANNED' and actor = ?",
				String.class, sender.email()))
			.contains("delivery " + reference);
	}
}
