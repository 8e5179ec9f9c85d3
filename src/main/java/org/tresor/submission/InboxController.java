package org.tresor.submission;

import java.io.IOException;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tresor.account.SignedInUser;
import org.tresor.parcel.Parcels;
import org.tresor.parcel.web.ParcelPages;
import org.tresor.web.Confirmation;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The staff side of the inbound flow: the inbox and each submission's page are parcel's; the .pgp link and
 * deleting are the inbox's own.
 */
@Controller
@RequestMapping("/inbox")
class InboxController extends ParcelPages {

	static final String INBOX_VIEW = "submission/inbox";

	static final String DETAILS_VIEW = "submission/details";

	private final Inbox inbox;

	InboxController(Inbox inbox, Parcels parcels) {
		super(inbox, parcels, INBOX_VIEW, DETAILS_VIEW, "inbox.secuPass.wrong");
		this.inbox = inbox;
	}

	/** A link: the .pgp needs no SecuPass, and does not count as downloaded. */
	@GetMapping("/{id}/encrypted/{number}")
	void encrypted(@PathVariable UUID id, @PathVariable int number, @AuthenticationPrincipal SignedInUser user,
			HttpServletResponse response) throws IOException {
		downloadEncrypted(id, number, user, response);
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable UUID id, @RequestParam(defaultValue = "") String confirm,
			@AuthenticationPrincipal SignedInUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!Confirmation.given(confirm)) {
			Confirmation.refuse("confirm-delete", model, response);
			return details(id, user, model);
		}
		inbox.delete(new SubmissionId(id), user.id());
		redirect.addFlashAttribute("flash", "inbox.deleted");
		return "redirect:/inbox";
	}
}
