package org.tresor.web;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The one confirmation every irreversible action asks for (deleting a submission, a received delivery or an
 * account, withdrawing a delivery): its form holds the tick box of {@code fragments/confirm}, a required
 * {@code confirm=yes}. Browsers do not send the form unticked; without JavaScript or HTML validation the
 * server refuses it with 400 and the page again, the error next to that box.
 */
public final class Confirmation {

	/** The request parameter the tick box sends. */
	public static final String PARAMETER = "confirm";

	/** Model attribute: the id of the tick box that was not ticked. */
	public static final String UNCONFIRMED = "unconfirmed";

	private Confirmation() {
	}

	/** Whether the tick box was ticked. */
	public static boolean given(String confirm) {
		return "yes".equals(confirm);
	}

	/** The page is shown again with the error at tick box {@code id}, answering 400. */
	public static void refuse(String id, Model model, HttpServletResponse response) {
		model.addAttribute(UNCONFIRMED, id);
		response.setStatus(HttpStatus.BAD_REQUEST.value());
	}
}
