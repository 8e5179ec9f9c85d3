package org.tresor.audit;

import java.util.Arrays;
import java.util.LinkedHashMap;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/** {@code /admin/audit}: who did what and when, filtered and paged; read only. */
@Controller
@RequestMapping("/admin/audit")
class AuditLogController {

	static final String VIEW = "audit/log";

	private final AuditLog log;

	AuditLogController(AuditLog log) {
		this.log = log;
	}

	@GetMapping
	String show(@ModelAttribute("form") AuditFilter filter, BindingResult binding,
			@RequestParam(name = "page", defaultValue = "0") int page, Model model, HttpServletResponse response) {
		model.addAttribute("actions", Arrays.stream(AuditAction.values()).map(Enum::name).toList());
		var problems = new LinkedHashMap<String, String>();
		binding.getFieldErrors().forEach(error -> problems.putIfAbsent(error.getField(), "audit.error.date"));
		if (problems.isEmpty()) {
			problems.putAll(filter.problems());
		}
		if (!problems.isEmpty()) {
			model.addAttribute("errors", problems);
			model.addAttribute("entries", Page.empty());
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return VIEW;
		}
		model.addAttribute("entries", log.search(filter, page));
		return VIEW;
	}
}
