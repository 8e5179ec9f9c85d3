package org.tresor.notification;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.tresor.kernel.OrganisationProperties;

/**
 * Renders a {@link Mail} from {@code templates/notification/<name>.txt} (text mode) and {@code .html}, with
 * all texts from the message bundle in the mail's language. Its own template engine, so the web views keep
 * Spring Boot's.
 */
@Component
class MailTemplates {

	static final String PREFIX = "templates/notification/";

	private final SpringTemplateEngine engine;

	private final MessageSource messages;

	private final OrganisationProperties organisation;

	MailTemplates(MessageSource messages, OrganisationProperties organisation) {
		this.messages = messages;
		this.organisation = organisation;
		this.engine = new SpringTemplateEngine();
		engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
		engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 2));
		engine.setTemplateEngineMessageSource(messages);
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
		var resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix(PREFIX);
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(java.util.Set.of(pattern));
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCheckExistence(true);
		resolver.setOrder(order);
		return resolver;
	}

	Rendered render(Mail mail) {
		var context = new Context(mail.locale(), mail.variables());
		context.setVariable("organisation", organisation);
		var subject = messages.getMessage(mail.type().subjectKey(), mail.subjectArguments().toArray(), mail.locale());
		return new Rendered(oneLine(subject), engine.process(mail.type().textTemplate(), context),
				engine.process(mail.type().htmlTemplate(), context));
	}

	/** A subject is a single header line: control characters (from a box name, say) become spaces. */
	private static String oneLine(String text) {
		return text.replaceAll("\\p{Cntrl}+", " ").strip();
	}

	record Rendered(String subject, String text, String html) {
	}
}
