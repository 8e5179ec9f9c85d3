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
	SETUP_LINK("setup-link"),
	/** to someone who forgot the password: the single-use link to choose a new one */
	PASSWORD_RESET("password-reset"),
	/** to a delivery recipient without access: documents wait, set up access first */
	DELIVERY_INVITATION("delivery-invitation"),
	/** to a delivery recipient: deliveries can be fetched now */
	DELIVERY_READY("delivery-ready"),
	/** to the sender of deliveries: a recipient set up access, complete them */
	COMPLETION_REQUESTED("completion-requested"),
	/** to the sender of a delivery: a recipient downloaded it for the first time */
	DELIVERY_DOWNLOADED("delivery-downloaded");

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
