package org.tresor.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.tresor.kernel.TresorProperties;

/** Sizes and times as people read them, in the request's language; used by templates as {@code @formats}. */
@Component("formats")
public class DisplayFormats {

	private static final String[] UNITS = { "B", "KB", "MB", "GB", "TB" };

	private final TresorProperties properties;

	DisplayFormats(TresorProperties properties) {
		this.properties = properties;
	}

	public String size(long bytes) {
		double value = bytes;
		int unit = 0;
		while (value >= 1000 && unit < UNITS.length - 1) {
			value /= 1000;
			unit++;
		}
		var format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
		format.setMaximumFractionDigits(unit == 0 ? 0 : 1);
		return format.format(value) + " " + UNITS[unit];
	}

	public String dateTime(Instant instant) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(LocaleContextHolder.getLocale())
			.withZone(properties.timeZone())
			.format(instant);
	}

	public String date(LocalDate date) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(LocaleContextHolder.getLocale()).format(date);
	}
}
