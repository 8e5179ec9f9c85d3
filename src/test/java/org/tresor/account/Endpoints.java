package org.tresor.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the application's controllers, read from Spring MVC's handler mapping, so a new endpoint is
 * covered by the tests that walk them without anyone adding it to a list.
 */
final class Endpoints {

	/** One method and path; variables filled with values of the right shape. */
	record Endpoint(RequestMethod method, String pattern, String path) {
	}

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(:[^}]*)?}");

	/** Kept by the framework or the cluster lock, not by what a request does. */
	private static final Set<String> BOOKKEEPING_TABLES = Set.of("EVENT_PUBLICATION", "EVENT_PUBLICATION_ARCHIVE",
			"SHEDLOCK", "FLYWAY_SCHEMA_HISTORY", "SPRING_SESSION", "SPRING_SESSION_ATTRIBUTES");

	private Endpoints() {
	}

	/** The application's own endpoints for {@code method} (Spring Boot's error controller excluded). */
	static List<Endpoint> of(RequestMappingHandlerMapping mappings, RequestMethod method) {
		var endpoints = new ArrayList<Endpoint>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			if (!handler.getBeanType().getPackageName().startsWith("org.tresor")
					|| !info.getMethodsCondition().getMethods().contains(method)) {
				return;
			}
			for (var pattern : info.getPathPatternsCondition().getPatternValues()) {
				endpoints.add(new Endpoint(method, pattern, fill(pattern)));
			}
		});
		return endpoints;
	}

	/** A guess for each path variable: a random id, file number 1, the default box, a well-formed token. */
	static String fill(String pattern) {
		var matcher = VARIABLE.matcher(pattern);
		var path = new StringBuilder();
		while (matcher.find()) {
			var value = switch (matcher.group(1)) {
				case "number" -> "1";
				case "slug" -> "info";
				case "token" -> "A".repeat(43);
				default -> UUID.randomUUID().toString();
			};
			matcher.appendReplacement(path, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(path);
		return path.toString();
	}

	/** Every row of every table the application's work changes, as text. */
	static String state(JdbcTemplate database) {
		var text = new StringBuilder();
		var tables = database.queryForList("select table_name from information_schema.tables"
				+ " where table_schema = current_schema and table_type = 'BASE TABLE' order by table_name", String.class);
		for (var table : tables) {
			if (BOOKKEEPING_TABLES.contains(table.toUpperCase())) {
				continue;
			}
			text.append(table).append('\n');
			database.query("select * from \"" + table + "\"", row -> {
				for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
					text.append(row.getString(column)).append('|');
				}
				text.append('\n');
			});
		}
		return text.toString();
	}
}
