package org.tresor.notification.dev;


import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /dev/mailbox}: the mails the embedded SMTP server received, so a newcomer can click the links.
 * Security permits {@code /dev/**}; the guard is here: requests from anywhere but this machine get 404.
 */
@Controller
@ConditionalOnBooleanProperty("tresor.dev.mailbox")
class DevMailboxController {

	static final String VIEW = "notification/dev/mailbox";

	private final DevMailbox mailbox;

	DevMailboxController(DevMailbox mailbox) {
		this.mailbox = mailbox;
	}

	@GetMapping("/dev/mailbox")
	String mailbox(HttpServletRequest request, Model model) {
		if (!LocalRequests.isLocal(request)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("mails", mailbox.newestFirst());
		return VIEW;
	}
}
