package org.tresor.account;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.tresor.crypto.SecuPass;
import org.tresor.crypto.WrongSecuPassException;

/** {@code /account}: one's own address and key, and the key's export. */
@Controller
@RequestMapping("/account")
class AccountController {

	static final String VIEW = "account/account";

	static final MediaType PGP_KEYS = MediaType.parseMediaType("application/pgp-keys");

	private final KeyExports exports;

	AccountController(KeyExports exports) {
		this.exports = exports;
	}

	@GetMapping
	String show(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("owner", exports.owner(user.id()));
		model.addAttribute("form", ExportForm.empty());
		return VIEW;
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
			var page = new ModelAndView(VIEW, HttpStatus.UNPROCESSABLE_CONTENT);
			page.addObject("owner", exports.owner(user.id()));
			page.addObject(FieldErrors.ATTRIBUTE, FieldErrors.of("secuPass", "account.error.secuPass.wrong"));
			return page;
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
