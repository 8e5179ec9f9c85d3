package org.tresor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Tresor. Each direct sub-package is a module that declares its allowed dependencies in its {@code package-info};
 * {@code kernel} is shared by all of them.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(sharedModules = "kernel")
public class TresorApplication {

	/** Jakarta Mail's system property naming the implementation of its stream provider. */
	static final String MAIL_STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	/** The implementation the mail library on the class path ships (Eclipse Angus). */
	static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

	public static void main(String[] args) {
		// Jakarta Mail otherwise asks the ServiceLoader for its stream provider at every body part it makes, which in
		// the packaged jar scans every nested jar: measured, a fifth of the CPU time of writing a mail, and more than
		// a third of the dev mailbox's receiving it
		if (System.getProperty(MAIL_STREAM_PROVIDER) == null) {
			System.setProperty(MAIL_STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
		}
		SpringApplication.run(TresorApplication.class, args);
	}
}
