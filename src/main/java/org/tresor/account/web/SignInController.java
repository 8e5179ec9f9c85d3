package org.tresor.account.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.tresor.account.SingleSignOn;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The login page (Spring Security handles its POST), the way to the organisation's single sign-on, and the start
 * page, which sends everyone on.
 */
@Controller
class SignInController {

	static final String LOGIN_VIEW = "account/login";

	private final SingleSignOn singleSignOn;

	SignInController(SingleSignOn singleSignOn) {
		this.singleSignOn = singleSignOn;
	}

	@GetMapping("/")
	String home() {
		var navigation = Navigation.of(SecurityContextHolder.getContext().getAuthentication());
		if (navigation.staff()) {
			return "redirect:/inbox";
		}
		// /submit sends visitors on to the default submit box, whatever its address
		return navigation.signedIn() ? "redirect:/received" : "redirect:/submit";
	}

	/** {@code ?sso=…}: why single sign-on was refused, one of the reasons the page explains (others are ignored). */
	@GetMapping("/login")
	String login(@RequestParam(required = false) String sso, Model model) {
		if (sso != null && SingleSignOn.REFUSALS.contains(sso)) {
			model.addAttribute("ssoRefusal", "account.login.sso." + sso);
		}
		return LOGIN_VIEW;
	}

	/**
	 * On to the provider, if it answers now; else the login page says so (503), and the password form is still
	 * there for whoever may use it.
	 */
	@GetMapping("/login/sso")
	String singleSignOn(Model model, HttpServletResponse response) {
		if (singleSignOn.displayName().isPresent() && singleSignOn.reachable()) {
			return "redirect:" + SingleSignOn.AUTHORIZATION_PATH;
		}
		model.addAttribute("ssoUnavailable", true);
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		return LOGIN_VIEW;
	}

	/** The provider's name for the button; absent while single sign-on is off. */
	@ModelAttribute("ssoName")
	String ssoName() {
		return singleSignOn.displayName().orElse(null);
	}
}
