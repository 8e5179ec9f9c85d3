package org.tresor.parcel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;

/**
 * A file on its way to its reader: written while it is decrypted, never staged anywhere. The web layer
 * writes it with {@link #writeTo(OutputStream)} and, once every byte went out, calls {@link #delivered()}:
 * only then is the download recorded. Knows nothing of servlets.
 */
public record Download(String fileName, long size, Body body, Runnable onDelivered) {

	public static final long UNKNOWN_SIZE = -1;

	public static final String CONTENT_TYPE = "application/octet-stream";

	@FunctionalInterface
	public interface Body {

		void writeTo(OutputStream out) throws IOException;
	}

	public Download(String fileName, long size, Body body) {
		this(fileName, size, body, () -> {
		});
	}

	/** The same download that, once delivered in full, also runs {@code action}. */
	public Download whenDelivered(Runnable action) {
		var before = onDelivered;
		return new Download(fileName, size, body, () -> {
			before.run();
			action.run();
		});
	}

	/**
	 * Writes the file, decrypting it on the way. Should decryption fail half-way (tampered ciphertext), the
	 * exception comes before the last block, so the reader never gets a complete-looking file.
	 */
	public void writeTo(OutputStream out) throws IOException {
		body.writeTo(out);
	}

	/** Every byte was written: records what its reader wanted recorded (downloaded, the sender told). */
	public void delivered() {
		onDelivered.run();
	}

	public boolean hasKnownSize() {
		return size != UNKNOWN_SIZE;
	}

	/** The {@code Content-Disposition} of this download as an attachment. */
	public String contentDisposition() {
		return contentDisposition(fileName);
	}

	/**
	 * {@code attachment} with the name twice (RFC 6266): as {@code filename*=UTF-8''…}, percent-encoded, which
	 * browsers use, and as a quoted ASCII fallback with everything else replaced. Spring's builder would put
	 * the raw name, line breaks included, into that fallback; so the name is normalised first and the
	 * fallback made ASCII. The header is then printable ASCII whatever the name.
	 */
	static String contentDisposition(String name) {
		var safe = FileNames.forDisplay(name);
		var ascii = new StringBuilder(safe.length());
		safe.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7F ? (char) c : '_'));
		var encoded = ContentDisposition.attachment().filename(safe, StandardCharsets.UTF_8).build().toString();
		return ContentDisposition.attachment().filename(ascii.toString()).build()
				+ encoded.substring(encoded.indexOf("; filename*="));
	}
}
