package org.tresor.submission;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

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
import org.tresor.parcel.ParcelRejectedException;
import org.tresor.parcel.web.FormBodies;
import org.tresor.protection.ClientAddresses;
import org.tresor.protection.Limit;
import org.tresor.protection.RateLimits;
import org.tresor.web.FieldErrors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

/** The external side of the inbound flow: ask for a ticket, open the mailed link, send. */
@Controller
class SubmitController {

	static final String REQUEST_VIEW = "submission/request";

	static final String REQUESTED_VIEW = "submission/requested";

	static final String FORM_VIEW = "submission/form";

	static final String SENT_VIEW = "submission/sent";

	private final Boxes boxes;

	private final TicketOffice tickets;

	private final Intake intake;

	private final SubmissionProperties properties;

	private final RateLimits limits;

	private final ClientAddresses clients;

	SubmitController(Boxes boxes, TicketOffice tickets, Intake intake, SubmissionProperties properties,
			RateLimits limits, ClientAddresses clients) {
		this.boxes = boxes;
		this.tickets = tickets;
		this.intake = intake;
		this.properties = properties;
		this.limits = limits;
		this.clients = clients;
	}

	/** The default box, at the address it really has ({@code tresor.submission.default-box-slug}). */
	@GetMapping("/submit")
	String defaultBox() {
		return "redirect:/submit/" + boxes.defaultBox().slug();
	}

	@GetMapping("/submit/{slug:[a-z0-9-]+}")
	String requestForm(@PathVariable String slug, Model model) {
		model.addAttribute("box", box(slug));
		model.addAttribute("form", new TicketRequest(""));
		return REQUEST_VIEW;
	}

	@PostMapping("/submit/{slug:[a-z0-9-]+}")
	String requestTicket(@PathVariable String slug, @Valid @ModelAttribute("form") TicketRequest form,
			BindingResult result, Locale locale, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		limits.acquire(Limit.TICKET_REQUESTS_PER_ADDRESS, clients.of(request));
		var box = box(slug);
		if (result.hasErrors()) {
			model.addAttribute("box", box);
			model.addAttribute("form", form.shown());
			model.addAttribute(FieldErrors.ATTRIBUTE, FieldErrors.of(result));
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return REQUEST_VIEW;
		}
		var address = EmailAddress.of(form.email());
		// the same for every address: a 429 for one that had its tickets says nothing about who has an account
		limits.acquire(Limit.TICKET_REQUESTS_PER_EMAIL, address.value());
		tickets.issue(box, address, locale);
		return "redirect:/submit/" + box.slug() + "/requested";
	}

	@GetMapping("/submit/{slug:[a-z0-9-]+}/requested")
	String ticketRequested(@PathVariable String slug, Model model) {
		model.addAttribute("box", box(slug));
		model.addAttribute("lifetimeHours", properties.ticketLifetime().toHours());
		return REQUESTED_VIEW;
	}

	@GetMapping("/submit/t/{token}")
	String form(@PathVariable String token, Model model) {
		var ticket = tickets.usable(token);
		formModel(model, token, ticket);
		return FORM_VIEW;
	}

	@PostMapping("/submit/t/{token}")
	String submit(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Locale locale,
			Model model, RedirectAttributes redirect) throws IOException {
		try {
			var receipt = intake.receive(token, FormBodies.of(request), locale);
			redirect.addFlashAttribute("reference", receipt.reference());
			redirect.addFlashAttribute("receivedAt", receipt.receivedAt());
			return "redirect:/submit/sent";
		}
		catch (SubmissionRejectedException e) {
			finishReading(request);
			return rejected(token, e.reason().messageKey(), new Object[0], e.reason().fields(), e.reason().status(),
					model, response);
		}
		catch (ParcelRejectedException e) {
			finishReading(request);
			return rejected(token, e.reason().messageKey("submit.error."), e.messageArguments(), e.reason().fields(),
					e.reason().status(), model, response);
		}
	}

	@GetMapping("/submit/sent")
	String sent(Model model) {
		if (!model.containsAttribute("reference")) {
			return "redirect:/";
		}
		return SENT_VIEW;
	}

	/** A form up to twice the limit is read to its end, so its sender sees why it was refused. */
	private void finishReading(HttpServletRequest request) throws IOException {
		FormBodies.finishReading(request, 2 * properties.maxSubmissionSize().toBytes());
	}

	private String rejected(String token, String messageKey, Object[] messageArguments, Set<String> fields,
			HttpStatus status, Model model, HttpServletResponse response) {
		formModel(model, token, tickets.usable(token));
		model.addAttribute("rejection", messageKey);
		model.addAttribute("rejectionArguments", messageArguments);
		model.addAttribute("rejectedFields", fields);
		response.setStatus(status.value());
		return FORM_VIEW;
	}

	private void formModel(Model model, String token, Ticket ticket) {
		model.addAttribute("token", token);
		model.addAttribute("email", ticket.email());
		model.addAttribute("expiresAt", ticket.expiresAt());
		model.addAttribute("maxSubmissionSize", properties.maxSubmissionSize().toBytes());
		model.addAttribute("maxFileSize", properties.maxFileSize().toBytes());
		model.addAttribute("maxFiles", properties.maxFiles());
		model.addAttribute("maxMessageLength", properties.maxMessageLength());
		model.addAttribute("box", boxes.byId(ticket.boxId()));
	}

	/** The inputs a rejection is about: the page marks them invalid and links them to the message. */
	private SubmitBox box(String slug) {
		return boxes.bySlug(slug).orElseThrow(SubmissionNotFoundException::new);
	}
}
