package org.tresor.submission;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
import org.tresor.kernel.TresorProperties;
import org.tresor.account.Accounts;
import org.tresor.account.SignedInUser;
import org.tresor.account.UserId;
import org.tresor.account.UserSummary;
import org.tresor.parcel.SecuPassRefusedException;

import jakarta.servlet.http.HttpServletResponse;

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

	record BoxForm(String slug, String name) {
	}

	@GetMapping("/admin/boxes")
	String boxes(Model model) {
		model.addAttribute("boxes", boxes.all().stream().map(this::view).toList());
		model.addAttribute("staff", accounts.staff());
		return VIEW;
	}

	@PostMapping("/admin/boxes")
	String create(@RequestParam(defaultValue = "") String slug, @RequestParam(defaultValue = "") String name,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		var problem = BoxNames.problemWithSlug(slug).or(() -> BoxNames.problemWithName(name))
			.or(() -> boxes.bySlug(slug).map(taken -> Map.entry("slug", "boxes.slug.taken")));
		if (problem.isPresent()) {
			model.addAttribute("errors", Map.ofEntries(problem.get()));
			model.addAttribute("form", new BoxForm(slug, name));
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return boxes(model);
		}
		boxes.create(slug, name.strip());
		redirect.addFlashAttribute("flash", "boxes.created");
		return "redirect:/admin/boxes";
	}

	@PostMapping("/admin/boxes/{id}/rename")
	String rename(@PathVariable UUID id, @RequestParam(defaultValue = "") String name, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		var problem = BoxNames.problemWithName(name);
		if (problem.isPresent()) {
			model.addAttribute("errors", Map.of("name-" + id, problem.get().getValue()));
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return boxes(model);
		}
		boxes.rename(id, name.strip());
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
				model.addAttribute("errors", Map.of("secuPass-" + id, "inbox.secuPass.wrong"));
				response.setStatus(HttpStatus.FORBIDDEN.value());
				return boxes(model);
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

	private BoxView view(SubmitBox box) {
		var members = box.members().stream().flatMap(member -> accounts.find(member).stream())
			.sorted(Comparator.comparing(UserSummary::email)).toList();
		return new BoxView(box.id(), box.slug(), box.name(), tresor.link("/submit/" + box.slug()), members);
	}
}
