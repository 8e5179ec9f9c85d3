package org.tresor.submission;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tresor.account.SignedInUser;
import org.tresor.crypto.SecuPass;
import org.tresor.crypto.WrongSecuPassException;
import org.tresor.storage.BlobNotFoundException;
import org.tresor.web.Confirmation;

import jakarta.servlet.http.HttpServletResponse;

/** The staff side of the inbound flow. The SecuPass arrives with each POST that needs it and goes with it. */
@Controller
class InboxController {

	static final String INBOX_VIEW = "submission/inbox";

	static final String DETAILS_VIEW = "submission/details";

	private final Inbox inbox;

	InboxController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/inbox")
	String inbox(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("entries", inbox.of(user.id()));
		return INBOX_VIEW;
	}

	@GetMapping("/inbox/{id}")
	String details(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("entry", inbox.entry(new SubmissionId(id), user.id()));
		return DETAILS_VIEW;
	}

	@PostMapping("/inbox/{id}/open")
	String open(@PathVariable UUID id, @RequestParam(defaultValue = "") String secuPass,
			@AuthenticationPrincipal SignedInUser user, Model model, HttpServletResponse response) throws IOException {
		try (var pass = SecuPass.of(secuPass)) {
			var opened = inbox.open(new SubmissionId(id), user.id(), pass);
			model.addAttribute("entry", opened.entry());
			model.addAttribute("opened", opened);
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			return DETAILS_VIEW;
		}
		catch (WrongSecuPassException e) {
			return wrongSecuPass(id, user, model, response);
		}
	}

	@PostMapping("/inbox/{id}/files/{number}")
	String downloadFile(@PathVariable UUID id, @PathVariable int number,
			@RequestParam(defaultValue = "") String secuPass, @AuthenticationPrincipal SignedInUser user, Model model,
			HttpServletResponse response) throws IOException {
		try (var pass = SecuPass.of(secuPass)) {
			inbox.file(new SubmissionId(id), user.id(), pass, number).sendTo(response);
			return null;
		}
		catch (WrongSecuPassException e) {
			return wrongSecuPass(id, user, model, response);
		}
	}

	@PostMapping("/inbox/{id}/zip")
	String downloadZip(@PathVariable UUID id, @RequestParam(defaultValue = "") String secuPass,
			@AuthenticationPrincipal SignedInUser user, Model model, HttpServletResponse response) throws IOException {
		try (var pass = SecuPass.of(secuPass)) {
			inbox.zip(new SubmissionId(id), user.id(), pass).sendTo(response);
			return null;
		}
		catch (WrongSecuPassException e) {
			return wrongSecuPass(id, user, model, response);
		}
	}

	@GetMapping("/inbox/{id}/encrypted/{number}")
	void downloadEncrypted(@PathVariable UUID id, @PathVariable int number,
			@AuthenticationPrincipal SignedInUser user, HttpServletResponse response) throws IOException {
		inbox.encryptedFile(new SubmissionId(id), user.id(), number).sendTo(response);
	}

	@PostMapping("/inbox/{id}/delete")
	String delete(@PathVariable UUID id, @RequestParam(defaultValue = "") String confirm,
			@AuthenticationPrincipal SignedInUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!Confirmation.given(confirm)) {
			model.addAttribute("entry", inbox.entry(new SubmissionId(id), user.id()));
			Confirmation.refuse("confirm-delete", model, response);
			return DETAILS_VIEW;
		}
		inbox.delete(new SubmissionId(id), user.id());
		redirect.addFlashAttribute("flash", "inbox.deleted");
		return "redirect:/inbox";
	}

	/**
	 * The ciphertext is gone: deleted while this download was starting, or lost from storage (the sweeper
	 * reports such blobs to administrators). Not yet committed, so the browser gets the error page.
	 */
	@ExceptionHandler(BlobNotFoundException.class)
	void blobGone(BlobNotFoundException e, HttpServletResponse response) throws IOException {
		if (response.isCommitted()) {
			throw e;
		}
		response.reset();
		response.sendError(HttpStatus.GONE.value());
	}

	private String wrongSecuPass(UUID id, SignedInUser user, Model model, HttpServletResponse response) {
		model.addAttribute("entry", inbox.entry(new SubmissionId(id), user.id()));
		model.addAttribute("errors", Map.of("secuPass", "inbox.secuPass.wrong"));
		response.setStatus(HttpStatus.FORBIDDEN.value());
		return DETAILS_VIEW;
	}
}
