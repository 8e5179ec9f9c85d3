package org.tresor.delivery;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tresor.account.RecipientDisabledException;
import org.tresor.account.SignedInUser;
import org.tresor.parcel.SecuPassRefusedException;
import org.tresor.parcel.web.FormBodies;
import org.tresor.parcel.web.ParcelPages;
import org.tresor.parcel.ParcelRejectedException;
import org.tresor.web.Confirmation;
import org.tresor.web.FieldErrors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The staff side of the outbound flow: send, follow, complete and withdraw deliveries. */
@Controller
class OutboxController {

	static final String OUTBOX_VIEW = "delivery/outbox";

	static final String NEW_VIEW = "delivery/new";

	static final String DETAILS_VIEW = "delivery/sent";

	static final String COMPLETE_VIEW = "delivery/complete";

	private final Dispatch dispatch;

	private final Outbox outbox;

	private final DeliveryProperties properties;

	OutboxController(Dispatch dispatch, Outbox outbox, DeliveryProperties properties) {
		this.dispatch = dispatch;
		this.outbox = outbox;
		this.properties = properties;
	}

	@GetMapping("/outbox")
	String outbox(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal SignedInUser user,
			Model model) {
		model.addAttribute("entries", outbox.of(user.id(), ParcelPages.page(page)));
		model.addAttribute("completable", outbox.awaitingCompletion(user.id()).size());
		return OUTBOX_VIEW;
	}

	@GetMapping("/outbox/new")
	String newDelivery(Model model) {
		return form(model, DeliveryForm.empty());
	}

	@PostMapping("/outbox/new")
	String send(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, HttpServletResponse response,
			Locale locale, Model model, RedirectAttributes redirect) throws IOException {
		try {
			var sent = dispatch.send(user, FormBodies.of(request), locale);
			redirect.addFlashAttribute("flash", "outbox.sent.flash");
			redirect.addFlashAttribute("sentReference", sent.reference());
			return "redirect:/outbox";
		}
		catch (InvalidDeliveryException e) {
			// a form up to twice the limit is read to its end, so its sender sees why it was refused
			FormBodies.finishReading(request, 2 * properties.maxDeliverySize().toBytes());
			model.addAttribute(FieldErrors.ATTRIBUTE, e.errors());
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(model, e.form());
		}
		catch (RecipientDisabledException e) {
			model.addAttribute(FieldErrors.ATTRIBUTE,
					FieldErrors.of("recipients", "delivery.error.recipients.disabled"));
			model.addAttribute("disabledRecipient", e.email());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(model, DeliveryForm.empty());
		}
		catch (ParcelRejectedException e) {
			// a form up to twice the limit is read to its end, so its sender sees why it was refused
			FormBodies.finishReading(request, 2 * properties.maxDeliverySize().toBytes());
			model.addAttribute("rejection", e.reason().messageKey("delivery.error."));
			model.addAttribute("rejectionArguments", e.messageArguments());
			model.addAttribute("rejectedFields", e.reason().fields());
			response.setStatus(e.reason().status().value());
			return form(model, DeliveryForm.empty());
		}
	}

	@GetMapping("/outbox/{id}")
	String details(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("entry", outbox.entry(new DeliveryId(id), user.id()));
		return DETAILS_VIEW;
	}

	@PostMapping("/outbox/{id}/withdraw")
	String withdraw(@PathVariable UUID id, @RequestParam(defaultValue = "") String confirm,
			@AuthenticationPrincipal SignedInUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!Confirmation.given(confirm)) {
			model.addAttribute("entry", outbox.entry(new DeliveryId(id), user.id()));
			Confirmation.refuse("confirm-withdraw", model, response);
			return DETAILS_VIEW;
		}
		outbox.withdraw(new DeliveryId(id), user.id());
		redirect.addFlashAttribute("flash", "outbox.withdrawn");
		return "redirect:/outbox";
	}

	@PostMapping("/outbox/{id}/recipients/{position}/resend")
	String resendSetupLink(@PathVariable UUID id, @PathVariable int position,
			@AuthenticationPrincipal SignedInUser user, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var delivery = new DeliveryId(id);
		try {
			var email = outbox.resendSetupLink(delivery, position, user.id());
			redirect.addFlashAttribute("resentTo", email);
			return "redirect:/outbox/" + id;
		}
		catch (SetupLinkNotRenewableException e) {
			model.addAttribute("entry", outbox.entry(delivery, user.id()));
			model.addAttribute("resendError", "outbox.resend.notExpired");
			response.setStatus(HttpStatus.CONFLICT.value());
			return DETAILS_VIEW;
		}
	}

	@GetMapping("/outbox/complete")
	String completion(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("entries", outbox.awaitingCompletion(user.id()));
		return COMPLETE_VIEW;
	}

	@PostMapping("/outbox/complete")
	String complete(@RequestParam(defaultValue = "") String secuPass, @AuthenticationPrincipal SignedInUser user,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			outbox.complete(user.id(), secuPass);
			redirect.addFlashAttribute("flash", "outbox.completed");
			return "redirect:/outbox";
		}
		catch (SecuPassRefusedException e) {
			model.addAttribute("entries", outbox.awaitingCompletion(user.id()));
			model.addAttribute(FieldErrors.ATTRIBUTE, FieldErrors.of("secuPass", "outbox.secuPass.wrong"));
			response.setStatus(HttpStatus.FORBIDDEN.value());
			return COMPLETE_VIEW;
		}
	}

	private String form(Model model, DeliveryForm form) {
		var today = dispatch.today();
		var limits = dispatch.limits();
		model.addAttribute("form", form);
		model.addAttribute("defaultExpiry", today.plusDays(properties.defaultExpiryDays()));
		model.addAttribute("earliestExpiry", today.plusDays(1));
		model.addAttribute("latestExpiry", DeliveryForm.latestExpiry(today, properties));
		model.addAttribute("maxRecipients", properties.maxRecipients());
		model.addAttribute("maxFiles", limits.maxFiles());
		model.addAttribute("maxFileSize", limits.maxFileSize().toBytes());
		model.addAttribute("maxDeliverySize", limits.maxTotalSize().toBytes());
		model.addAttribute("maxMessageLength", limits.maxMessageLength());
		return NEW_VIEW;
	}
}
