package org.tresor.storage;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import org.tresor.InvalidSettingException;

import jakarta.validation.constraints.NotNull;

/**
 * @param directory where the blobs live
 * @param writeBackInterval how much of a blob is written before the disk is asked, in the background, to
 * store it: a large blob's final sync then has little left to do, instead of all of it
 */
@Validated
@ConfigurationProperties("tresor.storage")
record StorageProperties(@NotNull Path directory, @DefaultValue("32MB") @NotNull DataSize writeBackInterval) {

	/** The directory is created if missing; a directory Tresor cannot write to stops the start. */
	StorageProperties {
		if (directory != null) {
			directory = InvalidSettingException.requireWritableDirectory("tresor.storage.directory", directory);
		}
		if (writeBackInterval != null && writeBackInterval.toBytes() <= 0) {
			throw new InvalidSettingException("tresor.storage.write-back-interval",
					"must be positive, was " + writeBackInterval);
		}
	}
}
