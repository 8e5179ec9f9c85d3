package org.tresor.delivery;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tresor.account.SignedInUser;
import org.tresor.web.Confirmation;
import org.tresor.crypto.SecuPass;
import org.tresor.crypto.WrongSecuPassException;

import jakarta.servlet.http.HttpServletResponse;

/** The recipient side of the outbound flow. The SecuPass arrives with each POST that needs it and goes with it. */
@Controller
class ReceivedController {

	static final String LIST_VIEW = "delivery/received";

	static final String DETAILS_VIEW = "delivery/received-details";

	private final Received received;

	ReceivedController(Received received) {
		this.received = received;
	}

	@GetMapping("/received")
	String list(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("entries", received.of(user.id()));
		return LIST_VIEW;
	}

	@GetMapping("/received/{id}")
	String details(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("entry", received.entry(new DeliveryId(id), user.id()));
		return DETAILS_VIEW;
	}

	@PostMapping("/received/{id}/open")
	String open(@PathVariable UUID id, @RequestParam(defaultValue = "") String secuPass,
			@AuthenticationPrincipal SignedInUser user, Model model, HttpServletResponse response) throws IOException {
		try (var pass = SecuPass.of(secuPass)) {
			var opened = received.open(new DeliveryId(id), user.id(), pass);
			model.addAttribute("entry", opened.entry());
			model.addAttribute("opened", opened);
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			return DETAILS_VIEW;
		}
		catch (WrongSecuPassException e) {
			return wrongSecuPass(id, user, model, response);
		}
	}

	@PostMapping("/received/{id}/files/{number}")
	String downloadFile(@PathVariable UUID id, @PathVariable int number,
			@RequestParam(defaultValue = "") String secuPass, @AuthenticationPrincipal SignedInUser user, Model model,
			HttpServletResponse response) throws IOException {
		try (var pass = SecuPass.of(secuPass)) {
			received.file(new DeliveryId(id), user.id(), pass, number).sendTo(response);
			return null;
		}
		catch (WrongSecuPassException e) {
			return wrongSecuPass(id, user, model, response);
		}
	}

	@PostMapping("/received/{id}/zip")
	String downloadZip(@PathVariable UUID id, @RequestParam(defaultValue = "") String secuPass,
			@AuthenticationPrincipal SignedInUser user, Model model, HttpServletResponse response) throws IOException {
		try (var pass = SecuPass.of(secuPass)) {
			received.zip(new DeliveryId(id), user.id(), pass).sendTo(response);
			return null;
		}
		catch (WrongSecuPassException e) {
			return wrongSecuPass(id, user, model, response);
		}
	}

	/** A POST like every download of a delivery: it tells the sender the delivery was fetched. */
	@PostMapping("/received/{id}/encrypted/{number}")
	void downloadEncrypted(@PathVariable UUID id, @PathVariable int number,
			@AuthenticationPrincipal SignedInUser user, HttpServletResponse response) throws IOException {
		received.encryptedFile(new DeliveryId(id), user.id(), number).sendTo(response);
	}

	@PostMapping("/received/{id}/delete")
	String delete(@PathVariable UUID id, @RequestParam(defaultValue = "") String confirm,
			@AuthenticationPrincipal SignedInUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!Confirmation.given(confirm)) {
			model.addAttribute("entry", received.entry(new DeliveryId(id), user.id()));
			Confirmation.refuse("confirm-delete", model, response);
			return DETAILS_VIEW;
		}
		received.delete(new DeliveryId(id), user.id());
		redirect.addFlashAttribute("flash", "received.deleted");
		return "redirect:/received";
	}

	private String wrongSecuPass(UUID id, SignedInUser user, Model model, HttpServletResponse response) {
		model.addAttribute("entry", received.entry(new DeliveryId(id), user.id()));
		model.addAttribute("errors", Map.of("secuPass", "received.secuPass.wrong"));
		response.setStatus(HttpStatus.FORBIDDEN.value());
		return DETAILS_VIEW;
	}
}
