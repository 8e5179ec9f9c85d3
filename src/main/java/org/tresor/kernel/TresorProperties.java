package org.tresor.kernel;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Settings every module shares. {@code publicBaseUrl} is the only source of links in mails and logs,
 * never a request's Host header. {@code timeZone} is the one dates and times are shown in. The data
 * directory is created if missing; a start with one Tresor cannot write to fails at once.
 *
 * @param logFormat empty for plain text lines, or {@code ecs}, {@code logstash} or {@code gelf} for one JSON
 * object per line (Spring Boot's structured logging reads it as {@code logging.structured.format.console})
 */
@Validated
@ConfigurationProperties("tresor")
public record TresorProperties(@NotNull URI publicBaseUrl, @NotNull Path dataDirectory,
		@DefaultValue("Europe/Berlin") @NotNull ZoneId timeZone,
		@DefaultValue("") @Pattern(regexp = "|ecs|logstash|gelf", message = "must be empty (plain text), ecs, logstash or gelf") String logFormat) {

	public TresorProperties {
		if (publicBaseUrl != null) {
			requireHttpUrl(publicBaseUrl);
		}
		if (dataDirectory != null) {
			dataDirectory = InvalidSettingException.requireWritableDirectory("tresor.data-directory", "TRESOR_DATA_DIR",
					dataDirectory);
		}
	}

	/** An absolute link to {@code path} (which starts with a slash). */
	public String link(String path) {
		var base = publicBaseUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

	private static void requireHttpUrl(URI url) {
		var scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
		if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null
				|| url.getRawQuery() != null || url.getRawFragment() != null) {
			throw new InvalidSettingException("tresor.public-base-url",
					"must be the absolute http(s) address people open Tresor at, such as https://tresor.example.org,"
							+ " without query or fragment; was '" + url + "'");
		}
	}
}
