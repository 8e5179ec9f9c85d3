package org.tresor.kernel;

import java.net.URI;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Who runs this Tresor: the name on every page and mail (header and page titles) and an optional logo.
 * {@code logoUrl} is either a path on this server or an absolute http(s) URL; an absolute one's origin is
 * added to the pages' Content-Security-Policy {@code img-src}, so the browser may load it.
 */
@Validated
@ConfigurationProperties("tresor.organisation")
public record OrganisationProperties(@DefaultValue("Tresor") @NotBlank @Size(max = 100) String name, URI logoUrl) {

	public OrganisationProperties {
		if (logoUrl != null && !isHttp(logoUrl) && !isPathOnThisServer(logoUrl)) {
			throw new InvalidSettingException("tresor.organisation.logo-url",
					"must be an absolute http(s) URL or a path starting with /, was " + logoUrl);
		}
	}

	/** The logo's address as written into pages, or null without a logo (so templates can test for it). */
	public String logo() {
		return logoUrl == null ? null : logoUrl.toString();
	}

	/** The origin ({@code https://host:port}) to allow images from, when the logo lives on another server. */
	public Optional<String> logoOrigin() {
		if (logoUrl == null || !isHttp(logoUrl)) {
			return Optional.empty();
		}
		return Optional.of(logoUrl.getScheme() + "://" + logoUrl.getRawAuthority());
	}

	private static boolean isPathOnThisServer(URI uri) {
		return uri.getScheme() == null && uri.getRawAuthority() == null && uri.getPath() != null
				&& uri.getPath().startsWith("/");
	}

	private static boolean isHttp(URI uri) {
		return uri.isAbsolute() && uri.getRawAuthority() != null
				&& ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
	}
}
