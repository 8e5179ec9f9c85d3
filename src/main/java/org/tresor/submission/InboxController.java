package org.tresor.submission;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.tresor.parcel.Parcels;
import org.tresor.parcel.web.ParcelPages;

/** The staff side of the inbound flow: parcel's pages over the submissions to the user's boxes. */
@Controller
@RequestMapping("/inbox")
class InboxController extends ParcelPages {

	static final String INBOX_VIEW = "submission/inbox";

	static final String DETAILS_VIEW = "submission/details";

	InboxController(Inbox inbox, Parcels parcels) {
		super(inbox, parcels, "/inbox", INBOX_VIEW, DETAILS_VIEW, "inbox.secuPass.wrong", "inbox.deleted");
	}
}
