package org.tresor.storage;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import org.tresor.InvalidSettingException;

import jakarta.validation.constraints.NotNull;

@Validated
@ConfigurationProperties("tresor.storage")
record StorageProperties(@NotNull Path directory) {

	/** Created if missing; a directory Tresor cannot write to stops the start. */
	StorageProperties {
		if (directory != null) {
			directory = InvalidSettingException.requireWritableDirectory("tresor.storage.directory", directory);
		}
	}
}
