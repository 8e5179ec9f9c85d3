package org.tresor.storage;

import java.io.IOException;
import java.nio.file.Files;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code blobStore} in {@code /actuator/health} and in the readiness group: writes a small probe the way an upload
 * starts and throws it away uncommitted, so a full disk, a read-only mount or lost permissions show before the
 * next submission fails.
 */
@Component
@ConditionalOnProperty(prefix = "tresor.storage", name = "type", havingValue = "filesystem", matchIfMissing = true)
class BlobStoreHealthIndicator extends AbstractHealthIndicator {

	private static final byte[] PROBE = "tresor health probe".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	private final BlobStore blobs;

	private final StorageProperties properties;

	BlobStoreHealthIndicator(BlobStore blobs, StorageProperties properties) {
		super("The blob store cannot be written");
		this.blobs = blobs;
		this.properties = properties;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws IOException {
		try (var probe = blobs.create()) {
			probe.stream().write(PROBE);
			probe.stream().flush();
		}
		builder.up().withDetail("free", Files.getFileStore(properties.directory()).getUsableSpace());
	}
}
