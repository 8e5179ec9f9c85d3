package org.tresor.delivery;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.tresor.parcel.Parcels;
import org.tresor.parcel.web.ParcelPages;

/** The recipient side of the outbound flow: parcel's pages over what was delivered to the signed-in user. */
@Controller
@RequestMapping("/received")
class ReceivedController extends ParcelPages {

	static final String LIST_VIEW = "delivery/received";

	static final String DETAILS_VIEW = "delivery/received-details";

	ReceivedController(Received received, Parcels parcels) {
		super(received, parcels, "/received", LIST_VIEW, DETAILS_VIEW, "received.secuPass.wrong", "received.deleted");
	}
}
