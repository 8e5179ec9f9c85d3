package org.tresor.account.web;

import java.util.Locale;

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
import org.tresor.account.EmailAddress;
import org.tresor.account.EmailAlreadyRegisteredException;
import org.tresor.account.FirstAdministrator;
import org.tresor.account.SetupLinkUnusableException;
import org.tresor.account.Languages;
import org.tresor.crypto.SecuPass;
import org.tresor.kernel.LinkToken;
import org.tresor.protection.ClientAddresses;
import org.tresor.protection.Limit;
import org.tresor.protection.RateLimits;
import org.tresor.web.FieldErrors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

/** {@code /setup/{token}}: the one-time page that creates the first administrator. */
@Controller
@RequestMapping("/setup/{token}")
class FirstAdministratorController {

	static final String VIEW = "account/setup-administrator";

	private final FirstAdministrator firstAdministrator;

	private final RateLimits limits;

	private final ClientAddresses clients;

	FirstAdministratorController(FirstAdministrator firstAdministrator, RateLimits limits, ClientAddresses clients) {
		this.firstAdministrator = firstAdministrator;
		this.limits = limits;
		this.clients = clients;
	}

	@GetMapping
	String form(@PathVariable String token, Model model) {
		firstAdministrator.checkLink(parse(token));
		model.addAttribute("form", AdministratorForm.empty());
		return VIEW;
	}

	@PostMapping
	String create(@PathVariable String token, @Valid @ModelAttribute("form") AdministratorForm form,
			BindingResult result, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		limits.acquire(Limit.SETUPS_PER_ADDRESS, clients.of(request));
		var setupToken = parse(token);
		if (result.hasErrors()) {
			firstAdministrator.checkLink(setupToken);
			return rejected(model, response, FieldErrors.of(result));
		}
		try (var secuPass = SecuPass.of(form.secuPass())) {
			firstAdministrator.create(setupToken, EmailAddress.of(form.email()), form.password(), secuPass,
					Languages.tagOf(locale));
		}
		catch (EmailAlreadyRegisteredException e) {
			return rejected(model, response, FieldErrors.of("email", "account.error.email.taken"));
		}
		redirect.addFlashAttribute("flash", "account.setup.done");
		return "redirect:/login";
	}

	private static String rejected(Model model, HttpServletResponse response, Object errors) {
		model.addAttribute(FieldErrors.ATTRIBUTE, errors);
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return VIEW;
	}

	private static LinkToken parse(String token) {
		return LinkToken.parse(token).orElseThrow(SetupLinkUnusableException::new);
	}
}
