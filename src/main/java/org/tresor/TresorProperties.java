package org.tresor;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Settings every module shares. {@code publicBaseUrl} is the only source of links in mails and logs,
 * never a request's Host header. {@code timeZone} is the one dates and times are shown in.
 */
@Validated
@ConfigurationProperties("tresor")
public record TresorProperties(@NotNull URI publicBaseUrl, @NotNull Path dataDirectory,
		@DefaultValue("Europe/Berlin") @NotNull ZoneId timeZone) {

	public TresorProperties {
		if (publicBaseUrl != null && (!publicBaseUrl.isAbsolute() || publicBaseUrl.getHost() == null)) {
			throw new IllegalArgumentException("tresor.public-base-url must be an absolute http(s) URL, was " + publicBaseUrl);
		}
	}

	/** An absolute link to {@code path} (which starts with a slash). */
	public String link(String path) {
		var base = publicBaseUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}
}
