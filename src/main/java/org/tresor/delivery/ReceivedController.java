package org.tresor.delivery;

import java.io.IOException;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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
 * The recipient side of the outbound flow: the list and each delivery's page are parcel's; the .pgp by POST
 * and deleting are its own.
 */
@Controller
@RequestMapping("/received")
class ReceivedController extends ParcelPages {

	static final String LIST_VIEW = "delivery/received";

	static final String DETAILS_VIEW = "delivery/received-details";

	private final Received received;

	ReceivedController(Received received, Parcels parcels) {
		super(received, parcels, LIST_VIEW, DETAILS_VIEW, "received.secuPass.wrong");
		this.received = received;
	}

	/** A POST like every download of a delivery: it tells the sender the delivery was fetched. */
	@PostMapping("/{id}/encrypted/{number}")
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
		received.delete(new DeliveryId(id), user.id());
		redirect.addFlashAttribute("flash", "received.deleted");
		return "redirect:/received";
	}
}
