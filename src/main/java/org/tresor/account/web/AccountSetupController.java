package org.tresor.account.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tresor.account.Activations;
import org.tresor.account.SetupLinkUnusableException;
import org.tresor.crypto.SecuPass;
import org.tresor.kernel.LinkToken;
import org.tresor.protection.ClientAddresses;
import org.tresor.protection.Limit;
import org.tresor.protection.RateLimits;
import org.tresor.web.FieldErrors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

/** {@code /account/setup/{token}}: an invited person (staff or external) chooses password and SecuPass. */
@Controller
@RequestMapping("/account/setup/{token}")
class AccountSetupController {

	static final String VIEW = "account/setup";

	private final Activations activations;

	private final RateLimits limits;

	private final ClientAddresses clients;

	AccountSetupController(Activations activations, RateLimits limits, ClientAddresses clients) {
		this.activations = activations;
		this.limits = limits;
		this.clients = clients;
	}

	@GetMapping
	String form(@PathVariable String token, Model model) {
		model.addAttribute("email", activations.pending(parse(token)).value());
		model.addAttribute("form", ActivationForm.empty());
		return VIEW;
	}

	@PostMapping
	String activate(@PathVariable String token, @Valid @ModelAttribute("form") ActivationForm form,
			BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		limits.acquire(Limit.SETUPS_PER_ADDRESS, clients.of(request));
		var setupToken = parse(token);
		if (result.hasErrors()) {
			model.addAttribute("email", activations.pending(setupToken).value());
			model.addAttribute(FieldErrors.ATTRIBUTE, FieldErrors.of(result));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return VIEW;
		}
		try (var secuPass = SecuPass.of(form.secuPass())) {
			activations.activate(setupToken, form.password(), secuPass);
		}
		redirect.addFlashAttribute("flash", "account.setup.done");
		return "redirect:/login";
	}

	private static LinkToken parse(String token) {
		return LinkToken.parse(token).orElseThrow(SetupLinkUnusableException::new);
	}
}
