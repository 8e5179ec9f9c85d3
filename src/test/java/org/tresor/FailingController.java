package org.tresor;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A handler that fails the way a broken collaborator would, with what an error page must not show in its message:
 * SQL and a file path. It takes a file name, which must appear neither on the page nor in the log. Only in the
 * full-stack tests' application.
 */
@TestComponent
@Controller
public class FailingController {

	public static final String PATH = "/test/failure";

	public static final String MESSAGE = "select * from users where email = 'x' failed; see /var/lib/tresor/blobs/tmp/";

	@GetMapping(PATH)
	String fail(@RequestParam(defaultValue = "") String name) {
		throw new IllegalStateException(MESSAGE);
	}
}
