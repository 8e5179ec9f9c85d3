package org.tresor.account.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tresor.account.Activations;
import org.tresor.account.SignedInUser;
import org.tresor.crypto.SecuPass;
import org.tresor.web.FieldErrors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

/**
 * {@code /account/secupass/setup}: someone whose account single sign-on made chooses the SecuPass, which creates
 * their key; every other page waits for it.
 */
@Controller
@RequestMapping("/account/secupass/setup")
class SecuPassSetupController {

	static final String VIEW = "account/secupass-setup";

	private final Activations activations;

	SecuPassSetupController(Activations activations) {
		this.activations = activations;
	}

	@GetMapping
	String form() {
		return VIEW;
	}

	@PostMapping
	String choose(@AuthenticationPrincipal SignedInUser user, @Valid @ModelAttribute("form") SecuPassChoiceForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (result.hasErrors() || !form.repeatedCorrectly()) {
			model.addAttribute(FieldErrors.ATTRIBUTE, result.hasErrors() ? FieldErrors.of(result)
					: FieldErrors.of("secuPassRepeated", "account.error.secuPass.mismatch"));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return VIEW;
		}
		try (var secuPass = SecuPass.of(form.secuPass())) {
			activations.activateSignedIn(user.id(), secuPass);
		}
		redirect.addFlashAttribute("flash", "account.secuPassSetup.done");
		return "redirect:/";
	}
}
