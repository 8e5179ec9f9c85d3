package org.tresor.submission;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.tresor.parcel.Parcels;
import org.tresor.parcel.web.ParcelPages;

/** The staff side of the inbound flow: parcel's pages over the submissions to the user's boxes. */
@Controller
@RequestMapping("/inbox")
class InboxController extends ParcelPages {

	InboxController(Inbox inbox, Parcels parcels) {
		super(inbox, parcels, "inbox", "submission/inbox");
	}
}
