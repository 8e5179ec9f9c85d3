package org.tresor.account.web;

import java.util.Locale;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tresor.web.Confirmation;
import org.tresor.account.EmailAddress;
import org.tresor.account.EmailAlreadyRegisteredException;
import org.tresor.account.ExternalAccountException;
import org.tresor.account.Invitations;
import org.tresor.account.LastAdministratorException;
import org.tresor.account.SecondFactors;
import org.tresor.account.SingleSignOn;
import org.tresor.account.SignedInUser;
import org.tresor.account.UserId;
import org.tresor.web.FieldErrors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

/**
 * {@code /admin/users}: who has access; inviting staff members, sending set-up links again, granting and revoking
 * the administrator role, switching accounts off and on, deleting them.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdministrationController {

	static final String VIEW = "account/users";

	private static final String REDIRECT = "redirect:/admin/users";

	private final Invitations invitations;

	private final SecondFactors secondFactors;

	private final SingleSignOn singleSignOn;

	UserAdministrationController(Invitations invitations, SecondFactors secondFactors, SingleSignOn singleSignOn) {
		this.invitations = invitations;
		this.secondFactors = secondFactors;
		this.singleSignOn = singleSignOn;
	}

	@GetMapping
	String list(Model model, Locale locale, @AuthenticationPrincipal SignedInUser administrator,
			HttpServletResponse response) {
		return page(model, InvitationForm.empty(locale), administrator, response, HttpStatus.OK);
	}

	@PostMapping("/second-factor")
	String requireSecondFactor(@RequestParam(defaultValue = "false") boolean required,
			@AuthenticationPrincipal SignedInUser administrator, RedirectAttributes redirect) {
		secondFactors.requireOfStaff(required, administrator.id());
		redirect.addFlashAttribute("flash", "account.users.secondFactor.saved");
		return REDIRECT;
	}

	@PostMapping("/staff-passwords")
	String allowStaffPasswords(@RequestParam(defaultValue = "false") boolean allowed,
			@AuthenticationPrincipal SignedInUser administrator, RedirectAttributes redirect) {
		singleSignOn.allowStaffPasswords(allowed, administrator.id());
		redirect.addFlashAttribute("flash", "account.users.sso.saved");
		return REDIRECT;
	}

	/** The provider's name while single sign-on is on, and whether staff may use passwords then. */
	record SingleSignOnSetting(String name, boolean staffPasswordsAllowed) {
	}

	@PostMapping
	String invite(@Valid @ModelAttribute("form") InvitationForm form, BindingResult result, Model model,
			@AuthenticationPrincipal SignedInUser administrator, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return rejected(model, form, administrator, response, FieldErrors.of(result));
		}
		var email = EmailAddress.of(form.email());
		try {
			invitations.inviteStaff(email, form.language());
		}
		catch (ExternalAccountException e) {
			return rejected(model, form, administrator, response, FieldErrors.of("email", "account.error.email.external"));
		}
		catch (EmailAlreadyRegisteredException e) {
			return rejected(model, form, administrator, response, FieldErrors.of("email", "account.error.email.active"));
		}
		redirect.addFlashAttribute("invited", email.value());
		return REDIRECT;
	}

	@PostMapping("/{id}/disable")
	String disable(@PathVariable UUID id, Model model, Locale locale,
			@AuthenticationPrincipal SignedInUser administrator, HttpServletResponse response) {
		try {
			invitations.disable(new UserId(id), administrator.id());
		}
		catch (LastAdministratorException e) {
			return lastAdministrator(model, locale, administrator, response);
		}
		return REDIRECT;
	}

	@PostMapping("/{id}/administrator")
	String grantAdministrator(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser administrator) {
		invitations.grantAdministrator(new UserId(id), administrator.id());
		return REDIRECT;
	}

	/** One who stepped down themselves cannot see this page any more: they go to the start page. */
	@PostMapping("/{id}/administrator/revoke")
	String revokeAdministrator(@PathVariable UUID id, Model model, Locale locale,
			@AuthenticationPrincipal SignedInUser administrator, HttpServletResponse response) {
		try {
			invitations.revokeAdministrator(new UserId(id), administrator.id());
		}
		catch (LastAdministratorException e) {
			return lastAdministrator(model, locale, administrator, response);
		}
		return administrator.id().value().equals(id) ? "redirect:/" : REDIRECT;
	}

	@PostMapping("/{id}/setup-link")
	String sendSetupLinkAgain(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser administrator,
			RedirectAttributes redirect) {
		invitations.sendSetupLinkAgain(new UserId(id), administrator.id());
		redirect.addFlashAttribute("setupLinkSent", true);
		return REDIRECT;
	}

	private String lastAdministrator(Model model, Locale locale, SignedInUser administrator,
			HttpServletResponse response) {
		model.addAttribute("refusal", "account.users.lastAdministrator");
		return page(model, InvitationForm.empty(locale), administrator, response, HttpStatus.CONFLICT);
	}

	@PostMapping("/{id}/enable")
	String enable(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser administrator) {
		invitations.enable(new UserId(id), administrator.id());
		return REDIRECT;
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable UUID id, @RequestParam(defaultValue = "") String confirm, Model model,
			Locale locale, @AuthenticationPrincipal SignedInUser administrator, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!Confirmation.given(confirm)) {
			Confirmation.refuse("confirm-delete-" + id, model, response);
			return page(model, InvitationForm.empty(locale), administrator, response, HttpStatus.BAD_REQUEST);
		}
		invitations.delete(new UserId(id), administrator.id());
		redirect.addFlashAttribute("deleted", true);
		return REDIRECT;
	}

	private String rejected(Model model, InvitationForm form, SignedInUser administrator,
			HttpServletResponse response, Object errors) {
		model.addAttribute(FieldErrors.ATTRIBUTE, errors);
		return page(model, form, administrator, response, HttpStatus.UNPROCESSABLE_CONTENT);
	}

	/**
	 * The page as {@code administrator} sees it, with the invitation form (empty, or as sent) and the answer's
	 * status. Only a page that is shown reads the members and settings; an action that redirects does not.
	 */
	private String page(Model model, InvitationForm form, SignedInUser administrator, HttpServletResponse response,
			HttpStatus status) {
		model.addAttribute("form", form);
		model.addAttribute("members", invitations.members(administrator.id()));
		model.addAttribute("secondFactorRequired", secondFactors.requiredOfStaff());
		model.addAttribute("sso",
				new SingleSignOnSetting(singleSignOn.displayName().orElse(null), singleSignOn.staffPasswordsAllowed()));
		response.setStatus(status.value());
		return VIEW;
	}
}
