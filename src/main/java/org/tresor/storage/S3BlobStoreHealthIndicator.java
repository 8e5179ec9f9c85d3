package org.tresor.storage;

import java.nio.charset.StandardCharsets;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code blobStore} in {@code /actuator/health} and in the readiness group when blobs are in a bucket: writes
 * and removes a small probe object, so an unreachable server, wrong credentials or a read-only bucket show
 * before the next submission fails. The probe's key is no blob id, so the sweeper never sees it.
 */
class S3BlobStoreHealthIndicator extends AbstractHealthIndicator {

	static final String PROBE_KEY = "tresor-health-probe";

	private final S3Client s3;

	private final String bucket;

	S3BlobStoreHealthIndicator(S3Client s3, String bucket) {
		super("The blob bucket cannot be written");
		this.s3 = s3;
		this.bucket = bucket;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		s3.putObject(request -> request.bucket(bucket).key(PROBE_KEY),
				RequestBody.fromString("tresor health probe", StandardCharsets.US_ASCII));
		s3.deleteObject(request -> request.bucket(bucket).key(PROBE_KEY));
		builder.up().withDetail("bucket", bucket);
	}
}
