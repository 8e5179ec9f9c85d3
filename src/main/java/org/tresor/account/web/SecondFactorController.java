package org.tresor.account.web;

import java.io.IOException;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tresor.account.SecondFactorEnrolledException;
import org.tresor.account.SecondFactorSessions;
import org.tresor.account.SecondFactors;
import org.tresor.account.SignedInUser;
import org.tresor.account.WrongCodeException;
import org.tresor.web.FieldErrors;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The second factor: {@code /login/second-factor} after the password (a code of the authenticator app, or a
 * recovery code), and {@code /account/second-factor/*} to enrol one or renew the recovery codes (the account page
 * removes it).
 */
@Controller
class SecondFactorController {

	static final String SIGN_IN_VIEW = "account/second-factor";

	static final String SETUP_VIEW = "account/second-factor-setup";

	static final String RECOVERY_CODES_VIEW = "account/recovery-codes";

	private final SecondFactors secondFactors;

	private final SecondFactorSessions sessions;

	private final SavedRequestAwareAuthenticationSuccessHandler onward = new SavedRequestAwareAuthenticationSuccessHandler();

	SecondFactorController(SecondFactors secondFactors, SecondFactorSessions sessions) {
		this.secondFactors = secondFactors;
		this.sessions = sessions;
		onward.setDefaultTargetUrl("/");
	}

	@GetMapping("/login/second-factor")
	String signInForm() {
		return SIGN_IN_VIEW;
	}

	/** On to the page that was asked for before the sign-in, or the start page. */
	@PostMapping("/login/second-factor")
	String signIn(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String code,
			Model model, HttpServletRequest request, HttpServletResponse response)
			throws IOException, ServletException {
		try {
			secondFactors.verify(user.id(), code);
		}
		catch (WrongCodeException e) {
			return refused(model, response, "code", "account.error.secondFactor.wrongCode");
		}
		return passed(request, response);
	}

	@PostMapping("/login/second-factor/recovery")
	String signInWithRecoveryCode(@AuthenticationPrincipal SignedInUser user,
			@RequestParam(defaultValue = "") String recoveryCode, Model model, HttpServletRequest request,
			HttpServletResponse response) throws IOException, ServletException {
		try {
			secondFactors.useRecoveryCode(user.id(), recoveryCode);
		}
		catch (WrongCodeException e) {
			return refused(model, response, "recoveryCode", "account.error.secondFactor.wrongRecoveryCode");
		}
		return passed(request, response);
	}

	/**
	 * The secret offered for enrolment, as a QR code and as text, or (none offered yet) the button that offers one;
	 * whoever has a second factor already goes to the account page.
	 */
	@GetMapping("/account/second-factor/setup")
	String setup(@AuthenticationPrincipal SignedInUser user, Model model) {
		if (secondFactors.status(user.id()).enrolled()) {
			return "redirect:/account";
		}
		secondFactors.offered(user.id()).ifPresent(secret -> model.addAttribute("secret", secret));
		model.addAttribute("required", secondFactors.requiredOfStaff());
		return SETUP_VIEW;
	}

	@PostMapping("/account/second-factor/setup")
	String offer(@AuthenticationPrincipal SignedInUser user) {
		try {
			secondFactors.offer(user.id());
		}
		catch (SecondFactorEnrolledException e) {
			return "redirect:/account";
		}
		return "redirect:/account/second-factor/setup";
	}

	@GetMapping("/account/second-factor/qr.png")
	ResponseEntity<byte[]> qrCode(@AuthenticationPrincipal SignedInUser user) {
		return secondFactors.offeredQrCode(user.id())
			.map(png -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore()).body(png))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	/** The code proves the app has the secret: enrolled, this session has the factor, the recovery codes shown once. */
	@PostMapping("/account/second-factor/confirm")
	String confirm(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String code,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		try {
			var codes = secondFactors.confirm(user.id(), code);
			sessions.passed(request, response);
			return recoveryCodes(codes, model, response);
		}
		catch (WrongCodeException e) {
			model.addAttribute("secret", secondFactors.offer(user.id()));
			model.addAttribute("required", secondFactors.requiredOfStaff());
			model.addAttribute(FieldErrors.ATTRIBUTE, FieldErrors.of("code", "account.error.secondFactor.wrongCode"));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return SETUP_VIEW;
		}
		catch (SecondFactorEnrolledException e) {
			return "redirect:/account";
		}
	}

	@PostMapping("/account/second-factor/recovery-codes")
	String renewRecoveryCodes(@AuthenticationPrincipal SignedInUser user, Model model, HttpServletResponse response) {
		var codes = secondFactors.renewRecoveryCodes(user.id());
		return codes.isEmpty() ? "redirect:/account" : recoveryCodes(codes, model, response);
	}

	private String passed(HttpServletRequest request, HttpServletResponse response)
			throws IOException, ServletException {
		sessions.passed(request, response);
		onward.onAuthenticationSuccess(request, response, SecurityContextHolder.getContext().getAuthentication());
		return null;
	}

	private static String recoveryCodes(java.util.List<String> codes, Model model, HttpServletResponse response) {
		// shown once: no copy in any cache
		response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
		model.addAttribute("codes", codes);
		return RECOVERY_CODES_VIEW;
	}

	private static String refused(Model model, HttpServletResponse response, String field, String messageKey) {
		model.addAttribute(FieldErrors.ATTRIBUTE, FieldErrors.of(field, messageKey));
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return SIGN_IN_VIEW;
	}
}
