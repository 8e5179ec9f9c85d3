package org.tresor.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tresor.kernel.ClusterJobs;

/**
 * Keeps storage and the database in step after crashes and outside interference, shortly after every start
 * and then every {@code tresor.storage.sweep-interval}, on one instance at a time:
 * <ol>
 * <li>removes temporary files of uploads that died (not written to for {@code abandoned-uploads-after});</li>
 * <li>removes blobs that no {@link BlobReferences module} references once they are older than
 * {@code unreferenced-blobs-after} (a rejected or interrupted submission, a deletion cut short);</li>
 * <li>records referenced blobs that storage does not have as {@link MissingBlob missing}, for the
 * administrators' storage page, and forgets the record once the blob is back or no longer referenced.</li>
 * </ol>
 */
@Component
class BlobSweeper implements SchedulingConfigurer {

	static final String JOB = "blob-sweeper";

	private static final Logger log = LoggerFactory.getLogger(BlobSweeper.class);

	private static final int BATCH = 500;

	private static final Duration MAX_RUN_TIME = Duration.ofHours(1);

	private final BlobStore blobs;

	private final List<BlobReferences> references;

	private final MissingBlobs missing;

	private final TransactionTemplate transactions;

	private final ClusterJobs jobs;

	private final StorageProperties properties;

	private final Clock clock;

	BlobSweeper(BlobStore blobs, List<BlobReferences> references, MissingBlobs missing,
			TransactionTemplate transactions, ClusterJobs jobs, StorageProperties properties, Clock clock) {
		this.blobs = blobs;
		this.references = references;
		this.missing = missing;
		this.transactions = transactions;
		this.jobs = jobs;
		this.properties = properties;
		this.clock = clock;
	}

	record Report(int abandonedUploads, int unreferencedBlobs, int missingBlobs) {
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		jobs.schedule(registrar, JOB, properties.sweepDelayAfterStartup(), properties.sweepInterval(), MAX_RUN_TIME,
				this::sweep);
	}

	/** One sweep, here and now; the schedule runs it under the cluster-wide lock. */
	Report sweep() {
		var now = clock.instant();
		try {
			var report = new Report(blobs.discardAbandonedUploads(now.minus(properties.abandonedUploadsAfter())),
					removeUnreferenced(now.minus(properties.unreferencedBlobsAfter())), recordMissing(now));
			if (report.abandonedUploads() + report.unreferencedBlobs() + report.missingBlobs() > 0) {
				log.warn("Blob sweep: removed {} abandoned upload(s) and {} unreferenced blob(s); {} blob(s) missing",
						report.abandonedUploads(), report.unreferencedBlobs(), report.missingBlobs());
			}
			else {
				log.info("Blob sweep: nothing to do");
			}
			return report;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Blob sweep failed", e);
		}
	}

	private int removeUnreferenced(Instant writtenBefore) throws IOException {
		int removed = 0;
		var batch = new ArrayList<BlobId>(BATCH);
		try (var stored = blobs.list()) {
			for (var blob : (Iterable<StoredBlob>) stored::iterator) {
				if (blob.lastModified().isBefore(writtenBefore)) {
					batch.add(blob.id());
				}
				if (batch.size() == BATCH) {
					removed += removeUnreferenced(batch);
					batch.clear();
				}
			}
		}
		return removed + removeUnreferenced(batch);
	}

	private int removeUnreferenced(List<BlobId> candidates) throws IOException {
		if (candidates.isEmpty()) {
			return 0;
		}
		var unreferenced = new HashSet<>(candidates);
		references.forEach(module -> unreferenced.removeAll(module.referencedAmong(candidates)));
		for (var blob : unreferenced) {
			log.info("Removing blob {}: nothing refers to it", blob.value());
			blobs.delete(blob);
		}
		return unreferenced.size();
	}

	private int recordMissing(Instant now) {
		var lost = new HashMap<BlobId, ReferencedBlob>();
		for (var module : references) {
			BlobId after = null;
			List<ReferencedBlob> page;
			do {
				page = module.referencedAfter(after, BATCH);
				page.stream().filter(blob -> !blobs.exists(blob.blob())).forEach(blob -> lost.put(blob.blob(), blob));
				after = page.isEmpty() ? null : page.get(page.size() - 1).blob();
			}
			while (page.size() == BATCH);
		}
		// a row deleted while we looked took its blob with it: that blob is not missing
		var stillReferenced = new HashSet<BlobId>();
		references.forEach(module -> stillReferenced.addAll(module.referencedAmong(lost.keySet())));
		lost.keySet().retainAll(stillReferenced);
		transactions.executeWithoutResult(status -> replaceMissing(lost, now));
		return lost.size();
	}

	private void replaceMissing(Map<BlobId, ReferencedBlob> lost, Instant now) {
		var known = new HashSet<String>();
		for (var recorded : missing.findAll()) {
			if (lost.containsKey(new BlobId(recorded.blobId()))) {
				known.add(recorded.blobId());
			}
			else {
				log.info("Blob {} is no longer missing", recorded.blobId());
				missing.delete(recorded);
			}
		}
		lost.values().stream().filter(blob -> !known.contains(blob.blob().value())).forEach(blob -> {
			log.error("Blob {} of {} is missing from storage", blob.blob().value(), blob.owner());
			missing.save(new MissingBlob(blob, now));
		});
	}
}
