package org.tresor.storage;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import org.tresor.kernel.InvalidSettingException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * @param directory where blobs are kept (temporary files in its {@code tmp} folder)
 * @param sweepInterval how often the sweeper looks for leftovers and missing blobs
 * @param sweepDelayAfterStartup when the first sweep after a start runs
 * @param abandonedUploadsAfter a temporary file not written to for this long belongs to an upload that died
 * @param unreferencedBlobsAfter a blob nothing refers to is removed once it is this old; must be longer than
 * the longest upload takes, because a submission's rows are written only when its last file arrived
 * @param writeBackInterval filesystem: how many bytes are written before a background sync starts
 * @param type where blobs are kept: the directory, or an S3-compatible bucket shared by several instances
 * @param s3 the bucket, when {@code type} is {@code s3}
 */
@Validated
@ConfigurationProperties("tresor.storage")
record StorageProperties(@NotNull Path directory,
		@DefaultValue("1h") @NotNull Duration sweepInterval,
		@DefaultValue("30s") @NotNull Duration sweepDelayAfterStartup,
		@DefaultValue("1h") @NotNull Duration abandonedUploadsAfter,
		@DefaultValue("24h") @NotNull Duration unreferencedBlobsAfter,
		@DefaultValue("32MB") @NotNull DataSize writeBackInterval,
		@DefaultValue("filesystem") @NotNull Type type,
		@Valid S3Settings s3) {

	enum Type {
		FILESYSTEM, S3
	}

	/** Created if missing; a directory Tresor cannot write to stops the start. */
	StorageProperties {
		if (directory != null) {
			directory = InvalidSettingException.requireWritableDirectory("tresor.storage.directory", directory);
		}
		if (writeBackInterval != null && writeBackInterval.toBytes() <= 0) {
			throw new InvalidSettingException("tresor.storage.write-back-interval",
					"must be positive, was " + writeBackInterval);
		}
		if (type == Type.S3 && s3 == null) {
			throw new InvalidSettingException("tresor.storage.s3.bucket", "must be set when tresor.storage.type is s3");
		}
	}
}
