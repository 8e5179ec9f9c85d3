package org.tresor.storage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Administrators see which blobs the sweeper found missing, and what they belonged to. */
@Controller
class StorageAdminController {

	static final String VIEW = "storage/missing";

	private final MissingBlobs missing;

	StorageAdminController(MissingBlobs missing) {
		this.missing = missing;
	}

	@GetMapping("/admin/storage")
	String missing(Model model) {
		model.addAttribute("missing", missing.findAllByOrderByDetectedAtDesc());
		return VIEW;
	}
}
