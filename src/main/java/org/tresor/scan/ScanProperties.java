package org.tresor.scan;

import java.nio.file.Path;
import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import org.tresor.kernel.InvalidSettingException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * @param mode {@code off}, or {@code clamd}: every file of a submission and of a delivery is scanned by ClamAV's
 * daemon as it arrives ({@code TRESOR_SCAN})
 * @param clamd where the daemon listens and what it takes
 * @param whenUnavailable what becomes of a file clamd cannot scan (clamd down, no answer in time, larger than it
 * takes): {@code refuse} (the upload is refused with 503, nothing is kept), or {@code accept-unscanned} (it is kept,
 * marked "not scanned" on its page and in the audit log) ({@code TRESOR_SCAN_WHEN_UNAVAILABLE})
 */
@Validated
@ConfigurationProperties("tresor.scan")
record ScanProperties(@NotNull @DefaultValue("off") Mode mode, @Valid @NotNull @DefaultValue Clamd clamd,
		@NotNull @DefaultValue("refuse") WhenUnavailable whenUnavailable) {

	enum Mode {
		OFF, CLAMD
	}

	enum WhenUnavailable {
		REFUSE, ACCEPT_UNSCANNED
	}

	/**
	 * @param host where clamd's {@code TCPSocket} listens ({@code TRESOR_SCAN_CLAMD_HOST})
	 * @param port its port ({@code TRESOR_SCAN_CLAMD_PORT})
	 * @param socket clamd's {@code LocalSocket} instead of host and port, on the same machine
	 * ({@code TRESOR_SCAN_CLAMD_SOCKET})
	 * @param timeout how long clamd may take to connect, to take the next bytes, or to answer after the last
	 * ({@code TRESOR_SCAN_CLAMD_TIMEOUT})
	 * @param maxFileSize clamd's {@code StreamMaxLength}: larger files cannot be scanned, and are refused as when
	 * clamd is down ({@code TRESOR_SCAN_CLAMD_MAX_FILE_SIZE}; raise both together)
	 * @param maxSignatureAge signatures older than this are reported as outdated (health, administration page):
	 * freshclam has stopped updating them ({@code TRESOR_SCAN_CLAMD_MAX_SIGNATURE_AGE})
	 */
	record Clamd(@NotNull @DefaultValue("localhost") String host, @DefaultValue("3310") int port, Path socket,
			@NotNull @DurationMin(millis = 100) @DefaultValue("30s") Duration timeout,
			@NotNull @DefaultValue("100MB") DataSize maxFileSize,
			@NotNull @DurationMin(days = 1) @DefaultValue("3d") Duration maxSignatureAge) {

		Clamd {
			if (port < 1 || port > 65535) {
				throw new InvalidSettingException("tresor.scan.clamd.port", "must be a port (1 to 65535), was " + port);
			}
			if (maxFileSize != null && maxFileSize.toBytes() < 1) {
				throw new InvalidSettingException("tresor.scan.clamd.max-file-size", "must be positive, was " + maxFileSize);
			}
		}
	}
}
