package org.tresor.submission;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tresor.kernel.TresorProperties;
import org.tresor.account.Accounts;
import org.tresor.account.SignedInUser;
import org.tresor.account.UserId;
import org.tresor.account.UserSummary;
import org.tresor.parcel.SecuPassRefusedException;
import org.tresor.web.FieldErrors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

/** Administrators manage submit boxes and who receives at them. */
@Controller
class BoxAdminController {

	static final String VIEW = "submission/boxes";

	private final Boxes boxes;

	private final Accounts accounts;

	private final Access access;

	private final TresorProperties tresor;

	BoxAdminController(Boxes boxes, Accounts accounts, Access access, TresorProperties tresor) {
		this.boxes = boxes;
		this.accounts = accounts;
		this.access = access;
		this.tresor = tresor;
	}

	/** {@code link} is the box's submit address as people outside open it (from the public base URL). */
	record BoxView(UUID id, String slug, String name, String link, List<UserSummary> members) {
	}

	@GetMapping("/admin/boxes")
	String boxes(Model model) {
		model.addAttribute("boxes", boxes.all().stream().map(this::view).toList());
		model.addAttribute("staff", accounts.staff());
		return VIEW;
	}

	@PostMapping("/admin/boxes")
	String create(@Valid @ModelAttribute("form") BoxForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var errors = result.hasErrors() ? FieldErrors.of(result)
				: boxes.bySlug(form.slug()).map(taken -> FieldErrors.of("slug", "boxes.slug.taken")).orElse(Map.of());
		if (!errors.isEmpty()) {
			return rejected(model, response, HttpStatus.BAD_REQUEST, errors);
		}
		boxes.create(form.slug(), form.name());
		redirect.addFlashAttribute("flash", "boxes.created");
		return "redirect:/admin/boxes";
	}

	@PostMapping("/admin/boxes/{id}/rename")
	String rename(@PathVariable UUID id, @Valid BoxForm.Renaming renaming, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (result.hasErrors()) {
			// each box has its own name field on the page
			return rejected(model, response, HttpStatus.BAD_REQUEST,
					FieldErrors.of("name-" + id, FieldErrors.of(result).get("name")));
		}
		boxes.rename(id, renaming.name());
		redirect.addFlashAttribute("flash", "boxes.renamed");
		return "redirect:/admin/boxes";
	}

	/**
	 * With the administrator's SecuPass, the new member can also open what the box already holds;
	 * without it, only what arrives from now on.
	 */
	@PostMapping("/admin/boxes/{id}/members")
	String addMember(@PathVariable UUID id, @RequestParam UUID user, @RequestParam(defaultValue = "") String secuPass,
			@AuthenticationPrincipal SignedInUser admin, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var member = accounts.find(new UserId(user)).filter(UserSummary::hasKey)
			.orElseThrow(SubmissionNotFoundException::new);
		if (!secuPass.isEmpty()) {
			try {
				redirect.addFlashAttribute("granted", access.grantExisting(id, member.id(), admin.id(), secuPass));
			}
			catch (SecuPassRefusedException e) {
				return rejected(model, response, HttpStatus.FORBIDDEN,
						FieldErrors.of("secuPass-" + id, "inbox.secuPass.wrong"));
			}
		}
		boxes.addMember(id, member.id());
		redirect.addFlashAttribute("flash", "boxes.memberAdded");
		return "redirect:/admin/boxes";
	}

	@PostMapping("/admin/boxes/{id}/members/{user}/remove")
	String removeMember(@PathVariable UUID id, @PathVariable UUID user, RedirectAttributes redirect) {
		boxes.removeMember(id, new UserId(user));
		redirect.addFlashAttribute("flash", "boxes.memberRemoved");
		return "redirect:/admin/boxes";
	}

	private String rejected(Model model, HttpServletResponse response, HttpStatus status, Map<String, String> errors) {
		model.addAttribute(FieldErrors.ATTRIBUTE, errors);
		response.setStatus(status.value());
		return boxes(model);
	}

	private BoxView view(SubmitBox box) {
		var members = box.members().stream().flatMap(member -> accounts.find(member).stream())
			.sorted(Comparator.comparing(UserSummary::email)).toList();
		return new BoxView(box.id(), box.slug(), box.name(), tresor.link("/submit/" + box.slug()), members);
	}
}
