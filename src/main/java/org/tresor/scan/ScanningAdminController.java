package org.tresor.scan;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Administrators see whether uploads are scanned, and whether clamd and its signatures are in shape. */
@Controller
class ScanningAdminController {

	static final String VIEW = "scan/status";

	private final ScannerState scanner;

	ScanningAdminController(ScannerState scanner) {
		this.scanner = scanner;
	}

	@GetMapping("/admin/scanning")
	String status(Model model) {
		model.addAttribute("scanner", scanner.now());
		return VIEW;
	}
}
