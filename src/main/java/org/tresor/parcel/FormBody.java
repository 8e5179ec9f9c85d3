package org.tresor.parcel;

import java.io.InputStream;
import java.util.Locale;

/**
 * A request body as parcel intake reads it: the content type (with the multipart boundary), the announced
 * length ({@code -1} if unknown) and the bytes as they arrive, never buffered.
 */
public record FormBody(String contentType, long contentLength, InputStream content) {

	public boolean isMultipartForm() {
		return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
	}
}
