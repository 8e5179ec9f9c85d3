package org.tresor.account.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tresor.account.EmailAddress;
import org.tresor.account.PasswordResets;
import org.tresor.account.SetupLinkUnusableException;
import org.tresor.kernel.LinkToken;
import org.tresor.protection.ClientAddresses;
import org.tresor.protection.Limit;
import org.tresor.protection.RateLimits;
import org.tresor.web.FieldErrors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

/** {@code /forgot-password} asks for a reset link by mail; {@code /password-reset/{token}} sets the new password. */
@Controller
class PasswordResetController {

	static final String REQUEST_VIEW = "account/password-forgot";

	static final String SENT_VIEW = "account/password-forgot-sent";

	static final String RESET_VIEW = "account/password-reset";

	private final PasswordResets resets;

	private final RateLimits limits;

	private final ClientAddresses clients;

	PasswordResetController(PasswordResets resets, RateLimits limits, ClientAddresses clients) {
		this.resets = resets;
		this.limits = limits;
		this.clients = clients;
	}

	@GetMapping("/forgot-password")
	String requestForm(Model model) {
		model.addAttribute("form", new PasswordResetRequestForm(""));
		return REQUEST_VIEW;
	}

	@PostMapping("/forgot-password")
	String request(@Valid @ModelAttribute("form") PasswordResetRequestForm form, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		limits.acquire(Limit.PASSWORD_RESETS_PER_ADDRESS, clients.of(request));
		if (result.hasErrors()) {
			model.addAttribute(FieldErrors.ATTRIBUTE, FieldErrors.of(result));
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return REQUEST_VIEW;
		}
		var email = EmailAddress.of(form.email());
		// the same for every address: a 429 for one that asked too often says nothing about who has an account
		limits.acquire(Limit.PASSWORD_RESETS_PER_EMAIL, email.value());
		resets.request(email);
		return "redirect:/forgot-password/sent";
	}

	@GetMapping("/forgot-password/sent")
	String sent() {
		return SENT_VIEW;
	}

	@GetMapping("/password-reset/{token}")
	String resetForm(@PathVariable String token, Model model, HttpServletResponse response) {
		try {
			model.addAttribute("email", resets.pending(parse(token)).value());
		}
		catch (SetupLinkUnusableException e) {
			return unusable(model, response);
		}
		model.addAttribute("form", NewPasswordForm.empty());
		return RESET_VIEW;
	}

	@PostMapping("/password-reset/{token}")
	String reset(@PathVariable String token, @Valid @ModelAttribute("form") NewPasswordForm form,
			BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		limits.acquire(Limit.SETUPS_PER_ADDRESS, clients.of(request));
		try {
			var resetToken = parse(token);
			if (result.hasErrors() || !form.repeatedCorrectly()) {
				model.addAttribute("email", resets.pending(resetToken).value());
				model.addAttribute(FieldErrors.ATTRIBUTE, result.hasErrors() ? FieldErrors.of(result)
						: FieldErrors.of("passwordRepeated", "account.error.password.mismatch"));
				model.addAttribute("form", NewPasswordForm.empty());
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				return RESET_VIEW;
			}
			resets.reset(resetToken, form.password());
		}
		catch (SetupLinkUnusableException e) {
			return unusable(model, response);
		}
		redirect.addFlashAttribute("flash", "account.passwordReset.done");
		return "redirect:/login";
	}

	/** Unknown, used or expired: one page for all, with the way to a new link. */
	private static String unusable(Model model, HttpServletResponse response) {
		model.addAttribute("unusable", true);
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return RESET_VIEW;
	}

	private static LinkToken parse(String token) {
		return LinkToken.parse(token).orElseThrow(SetupLinkUnusableException::new);
	}
}
