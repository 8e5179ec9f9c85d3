package org.tresor.scan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What clamd's {@code VERSION} says: its engine, and the version and date of its signatures
 * ({@code ClamAV 1.4.6/27481/Sun Dec  6 09:41:24 2026}); a daemon with only local signatures names no version or
 * date.
 */
record ClamdVersion(String engine, Optional<Long> signatures, Optional<Instant> signaturesDate) {

	private static final Pattern REPLY = Pattern.compile("ClamAV ([^/]+)(?:/(\\d+)/(.+))?");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ENGLISH);

	static ClamdVersion parse(String reply, ZoneId clamdZone) {
		var matcher = REPLY.matcher(reply.strip());
		if (!matcher.matches()) {
			return new ClamdVersion(reply.strip(), Optional.empty(), Optional.empty());
		}
		Optional<Instant> date;
		try {
			date = Optional.ofNullable(matcher.group(3))
				.map(text -> LocalDateTime.parse(text.strip().replaceAll("\\s+", " "), DATE).atZone(clamdZone).toInstant());
		}
		catch (DateTimeParseException e) {
			date = Optional.empty();
		}
		return new ClamdVersion(matcher.group(1), Optional.ofNullable(matcher.group(2)).map(Long::valueOf), date);
	}

	/** Older than {@code maxAge} at {@code now}; signatures without a date are taken as outdated. */
	boolean outdated(Instant now, Duration maxAge) {
		return signaturesDate.map(date -> date.plus(maxAge).isBefore(now)).orElse(true);
	}
}
