package org.tresor.submission;

import java.io.IOException;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.tresor.account.SignedInUser;
import org.tresor.parcel.Parcels;
import org.tresor.parcel.web.ParcelPages;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The staff side of the inbound flow: the inbox, each submission's page and deleting are parcel's; the .pgp
 * link is the inbox's own.
 */
@Controller
@RequestMapping("/inbox")
class InboxController extends ParcelPages {

	static final String INBOX_VIEW = "submission/inbox";

	static final String DETAILS_VIEW = "submission/details";

	InboxController(Inbox inbox, Parcels parcels) {
		super(inbox, parcels, "/inbox", INBOX_VIEW, DETAILS_VIEW, "inbox.secuPass.wrong", "inbox.deleted");
	}

	/** A link: the .pgp needs no SecuPass, and does not count as downloaded. */
	@GetMapping("/{id}/encrypted/{number}")
	void encrypted(@PathVariable UUID id, @PathVariable int number, @AuthenticationPrincipal SignedInUser user,
			HttpServletResponse response) throws IOException {
		downloadEncrypted(id, number, user, response);
	}
}
