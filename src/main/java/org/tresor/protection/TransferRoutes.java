package org.tresor.protection;

import java.util.List;

/**
 * The requests of a module that move files: uploads (a form with files, posted) and downloads (a file, a ZIP or
 * a {@code .pgp}, any method). Each module declares its own as a bean; {@link TransferLimitFilter} counts them
 * against the limits of {@code tresor.transfers.*} before anything else reads the request.
 *
 * @param uploads path patterns (Spring's {@code PathPattern} syntax, such as {@code /submit/t/{token}}) of
 * {@code POST}s whose body carries files
 * @param downloads path patterns of requests whose answer is a file
 */
public record TransferRoutes(List<String> uploads, List<String> downloads) {

	public TransferRoutes {
		uploads = List.copyOf(uploads);
		downloads = List.copyOf(downloads);
	}
}
