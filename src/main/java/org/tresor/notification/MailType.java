package org.tresor.notification;

/** The mails Tresor sends; each has a text and an HTML template and a subject in the message bundle. */
enum MailType {

	/** to someone who asked for a ticket: the single-use link to the submit form */
	TICKET("ticket-issued"),
	/** to each staff member of a box: a new submission arrived */
	NEW_SUBMISSION("new-submission"),
	/** to the sender of a submission: it arrived */
	SUBMISSION_RECEIPT("submission-receipt"),
	/** to an invited user: the link to set up access */
	SETUP_LINK("setup-link");

	private final String template;

	MailType(String template) {
		this.template = template;
	}

	String textTemplate() {
		return template + ".txt";
	}

	String htmlTemplate() {
		return template + ".html";
	}

	String subjectKey() {
		return "mail." + template + ".subject";
	}
}
