package org.tresor.delivery;

import java.io.IOException;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.tresor.account.SignedInUser;
import org.tresor.parcel.Parcels;
import org.tresor.parcel.web.ParcelPages;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The recipient side of the outbound flow: the list, each delivery's page and deleting are parcel's; the .pgp
 * by POST is its own.
 */
@Controller
@RequestMapping("/received")
class ReceivedController extends ParcelPages {

	static final String LIST_VIEW = "delivery/received";

	static final String DETAILS_VIEW = "delivery/received-details";

	ReceivedController(Received received, Parcels parcels) {
		super(received, parcels, "/received", LIST_VIEW, DETAILS_VIEW, "received.secuPass.wrong", "received.deleted");
	}

	/** A POST like every download of a delivery: it tells the sender the delivery was fetched. */
	@PostMapping("/{id}/encrypted/{number}")
	void encrypted(@PathVariable UUID id, @PathVariable int number, @AuthenticationPrincipal SignedInUser user,
			HttpServletResponse response) throws IOException {
		downloadEncrypted(id, number, user, response);
	}
}
