package org.tresor.notification;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationMessagesTests {

	@Test
	void germanAndEnglishHaveTheSameKeys() throws IOException {
		assertThat(load("messages/notification_en.properties").keySet())
				.containsExactlyInAnyOrderElementsOf(load("messages/notification.properties").keySet());
	}

	private static Properties load(String resource) throws IOException {
		try (var in = NotificationMessagesTests.class.getClassLoader().getResourceAsStream(resource)) {
			var properties = new Properties();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			return properties;
		}
	}
}
