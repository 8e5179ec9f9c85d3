package org.tresor.submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.tresor.OnPostgres;
import org.tresor.account.AccountFixtures;

/**
 * Not a test: measures what submissions cost in PostgreSQL and in blob storage, for the README's "Scaling out".
 * Not run by {@code ./mvnw verify}; run it alone (it empties the test mail server as it goes):
 *
 * <pre>
 * ./mvnw -o verify -Dit.test=SubmissionSizingMeasurement -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dsizing.submissions=1000
 * </pre>
 *
 * Each submission is made the way a client makes it: a ticket by mail, the form with a short message and one
 * file of 100 kB, read by one staff member (one key packet per part). Prints the growth of every table (after
 * VACUUM) and of the blob directory.
 */
class SubmissionSizingMeasurement extends SubmissionIntegrationTest implements OnPostgres {

	static final int FILE_SIZE = 100_000;

	@Test
	void measure() throws Exception {
		int count = Integer.getInteger("sizing.submissions", 200);
		AccountFixtures.administrator(context, this::local);
		var file = randomFile("document.pdf", FILE_SIZE);
		var message = "Please find my documents attached. ".repeat(6);
		var tablesBefore = tableSizes();
		var rowsBefore = rowCounts();
		long blobsBefore = blobBytes();
		int blobFilesBefore = blobFiles().size();

		for (int i = 0; i < count; i++) {
			submitted(sender(), message, file);
			MAIL.greenMail().purgeEmailFromAllMailboxes();
		}
		await("every submission's mails are sent",
				() -> jdbc.queryForObject("select count(*) from event_publication", Integer.class) == 0);

		var tablesAfter = tableSizes();
		var rowsAfter = rowCounts();
		long blobBytes = blobBytes() - blobsBefore;
		System.out.printf("SIZING submissions=%d file=%d message=%d%n", count, FILE_SIZE, message.length());
		long total = 0;
		for (var table : tablesAfter.keySet()) {
			long grown = tablesAfter.get(table) - tablesBefore.getOrDefault(table, 0L);
			long rows = rowsAfter.get(table) - rowsBefore.getOrDefault(table, 0L);
			total += grown;
			if (grown != 0 || rows != 0) {
				System.out.printf("SIZING table %-28s +%,12d bytes +%,8d rows%n", table, grown, rows);
			}
		}
		System.out.printf("SIZING database total +%,d bytes (%,d per 1,000)%n", total, total * 1000 / count);
		// two blobs a submission: the file and the manifest (message text and file names)
		System.out.printf("SIZING blobs +%,d files, +%,d bytes, %,d bytes per submission over the file's %,d%n",
				blobFiles().size() - blobFilesBefore, blobBytes, blobBytes / count - FILE_SIZE, FILE_SIZE);
	}

	private Map<String, Long> tableSizes() {
		jdbc.execute("VACUUM ANALYZE");
		return jdbc.queryForList("select relname, pg_total_relation_size(relid) as bytes from pg_stat_user_tables")
			.stream()
			.collect(Collectors.toMap(row -> (String) row.get("relname"), row -> ((Number) row.get("bytes")).longValue(),
					(a, b) -> a, TreeMap::new));
	}

	private Map<String, Long> rowCounts() {
		return jdbc.queryForList("select relname from pg_stat_user_tables", String.class)
			.stream()
			.collect(Collectors.toMap(table -> table,
					table -> jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class), (a, b) -> a,
					TreeMap::new));
	}

	private long blobBytes() throws IOException {
		long bytes = 0;
		for (Path file : blobFiles()) {
			bytes += Files.size(file);
		}
		return bytes;
	}
}
