package org.tresor.delivery;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.tresor.parcel.Parcels;
import org.tresor.parcel.web.ParcelPages;

/** The recipient side of the outbound flow: parcel's pages over what was delivered to the signed-in user. */
@Controller
@RequestMapping("/received")
class ReceivedController extends ParcelPages {

	ReceivedController(Received received, Parcels parcels) {
		super(received, parcels, "received", "delivery/received");
	}
}
