package org.tresor.account.web;

import java.time.Instant;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tresor.account.Accounts;
import org.tresor.account.ActiveAccountFilter;
import org.tresor.account.KeyExports;
import org.tresor.account.PasswordChanges;
import org.tresor.account.Passkeys;
import org.tresor.account.SecondFactors;
import org.tresor.account.SecuPassLikePasswordException;
import org.tresor.account.SignedInUser;
import org.tresor.account.WrongPasswordException;
import org.tresor.crypto.SecuPass;
import org.tresor.crypto.WrongSecuPassException;
import org.tresor.web.Confirmation;
import org.tresor.web.FieldErrors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

/** {@code /account}: one's own address and key, the key's export, a new password and a new SecuPass. */
@Controller
@RequestMapping("/account")
class AccountController {

	static final String VIEW = "account/account";

	static final MediaType PGP_KEYS = MediaType.parseMediaType("application/pgp-keys");

	private final KeyExports exports;

	private final PasswordChanges passwordChanges;

	private final Accounts accounts;

	private final SecondFactors secondFactors;

	private final Passkeys passkeys;

	AccountController(KeyExports exports, PasswordChanges passwordChanges, Accounts accounts,
			SecondFactors secondFactors, Passkeys passkeys) {
		this.passkeys = passkeys;
		this.exports = exports;
		this.passwordChanges = passwordChanges;
		this.accounts = accounts;
		this.secondFactors = secondFactors;
	}

	@GetMapping
	ModelAndView show(@AuthenticationPrincipal SignedInUser user) {
		return page(user, HttpStatus.OK);
	}

	/** Irreversible for the codes and the app's entry: asks for the tick box, as every such action does. */
	@PostMapping("/second-factor/remove")
	Object removeSecondFactor(@AuthenticationPrincipal SignedInUser user,
			@RequestParam(defaultValue = "") String confirm, RedirectAttributes redirect) {
		if (!Confirmation.given(confirm)) {
			var page = page(user, HttpStatus.BAD_REQUEST);
			page.addObject(Confirmation.UNCONFIRMED, "confirm-remove-second-factor");
			return page;
		}
		secondFactors.remove(user.id(), user.id());
		redirect.addFlashAttribute("flash", "account.secondFactor.removed");
		return "redirect:/account";
	}

	/**
	 * A new password. This session goes on under a new id; every other session of the account ends at its next
	 * request.
	 */
	@PostMapping("/password")
	Object changePassword(@AuthenticationPrincipal SignedInUser user,
			@Valid @ModelAttribute("passwordForm") PasswordChangeForm form, BindingResult result,
			HttpServletRequest request, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return refused(user, "newPassword", FieldErrors.of(result).getOrDefault("newPassword",
					"account.error.password.short"));
		}
		if (!form.repeatedCorrectly()) {
			return refused(user, "newPasswordRepeated", "account.error.password.mismatch");
		}
		Instant changedAt;
		try {
			changedAt = passwordChanges.change(user.id(), form.currentPassword(), form.newPassword());
		}
		catch (WrongPasswordException e) {
			return refused(user, "currentPassword", "account.error.password.wrong");
		}
		request.changeSessionId();
		ActiveAccountFilter.signedIn(request.getSession(), changedAt);
		redirect.addFlashAttribute("flash", "account.password.changed");
		return "redirect:/account";
	}

	/**
	 * The key locked by a new SecuPass. This session goes on under a new id; nothing else changes: the key, and so
	 * everything sent to the user, stays the same.
	 */
	@PostMapping("/secupass")
	Object changeSecuPass(@AuthenticationPrincipal SignedInUser user,
			@Valid @ModelAttribute("secuPassForm") SecuPassChangeForm form, BindingResult result,
			HttpServletRequest request, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			return refused(user, "newSecuPass", FieldErrors.of(result).getOrDefault("newSecuPass",
					"account.error.secuPass.weak"));
		}
		if (!form.repeatedCorrectly()) {
			return refused(user, "newSecuPassRepeated", "account.error.secuPass.mismatch");
		}
		try (var current = SecuPass.of(form.currentSecuPass()); var next = SecuPass.of(form.newSecuPass())) {
			accounts.changeSecuPass(user.id(), current, next);
		}
		catch (WrongSecuPassException e) {
			return refused(user, "currentSecuPass", "account.error.secuPass.wrong");
		}
		catch (SecuPassLikePasswordException e) {
			return refused(user, "newSecuPass", "account.error.secuPass.samePassword");
		}
		request.changeSessionId();
		redirect.addFlashAttribute("flash", "account.secuPass.changed");
		return "redirect:/account";
	}

	private ModelAndView refused(SignedInUser user, String field, String messageKey) {
		var page = page(user, HttpStatus.UNPROCESSABLE_CONTENT);
		page.addObject(FieldErrors.ATTRIBUTE, FieldErrors.of(field, messageKey));
		return page;
	}

	private ModelAndView page(SignedInUser user, HttpStatus status) {
		var page = new ModelAndView(VIEW, status);
		page.addObject("owner", exports.owner(user.id()));
		page.addObject("form", ExportForm.empty());
		page.addObject("secondFactor", secondFactors.status(user.id()));
		page.addObject("passkeys", passkeys.of(user.id()));
		return page;
	}

	@PostMapping("/passkeys/remove")
	String removePasskey(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String id,
			RedirectAttributes redirect) {
		passkeys.remove(user.id(), id);
		redirect.addFlashAttribute("flash", "account.passkeys.removed");
		return "redirect:/account";
	}

	@GetMapping("/public-key")
	ResponseEntity<byte[]> publicKey(@AuthenticationPrincipal SignedInUser user) {
		return attachment(exports.publicKey(user.id()), "tresor-public-key.asc");
	}

	@PostMapping("/secret-key")
	Object secretKey(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("form") ExportForm form) {
		try (var secuPass = SecuPass.of(form.secuPass())) {
			return attachment(exports.secretKey(user.id(), secuPass), "tresor-secret-key.asc");
		}
		catch (WrongSecuPassException e) {
			return refused(user, "secuPass", "account.error.secuPass.wrong");
		}
	}

	private static ResponseEntity<byte[]> attachment(byte[] armored, String filename) {
		return ResponseEntity.ok()
			.contentType(PGP_KEYS)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(armored);
	}
}
