package org.tresor.notification.dev;

import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The embedded default: an in-process SMTP server (GreenMail) on 127.0.0.1, started with the context and
 * stopped on shutdown, and the mail sender that talks to it, so Spring Boot's {@code spring.mail.*} sender
 * backs off. Only with {@code tresor.dev.mailbox=true}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("tresor.dev.mailbox")
class DevMailServerConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DevMailServerConfiguration.class);

	static final String LOOPBACK = "127.0.0.1";

	@Bean(destroyMethod = "stop")
	GreenMail devMailServer(DevProperties properties) {
		var setup = new ServerSetup(properties.smtpPort(), LOOPBACK, ServerSetup.PROTOCOL_SMTP);
		var server = new GreenMail(properties.smtpPort() == 0 ? setup.dynamicPort() : setup);
		server.start();
		log.info("Development mode: embedded SMTP server on {}:{}, mails at /dev/mailbox", LOOPBACK,
				server.getSmtp().getPort());
		return server;
	}

	@Bean
	JavaMailSenderImpl devMailSender(GreenMail devMailServer) {
		var sender = new JavaMailSenderImpl();
		sender.setHost(LOOPBACK);
		sender.setPort(devMailServer.getSmtp().getPort());
		sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
		sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
		sender.getJavaMailProperties().put("mail.smtp.timeout", "10000");
		return sender;
	}
}
