package org.tresor.account.web;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page (Spring Security handles its POST) and the start page, which sends everyone on. */
@Controller
class SignInController {

	static final String LOGIN_VIEW = "account/login";

	@GetMapping("/")
	String home() {
		var navigation = Navigation.of(SecurityContextHolder.getContext().getAuthentication());
		if (navigation.staff()) {
			return "redirect:/inbox";
		}
		// /submit sends visitors on to the default submit box, whatever its address
		return navigation.signedIn() ? "redirect:/received" : "redirect:/submit";
	}

	@GetMapping("/login")
	String login() {
		return LOGIN_VIEW;
	}
}
