package org.tresor.parcel.web;

import java.io.IOException;

import org.tresor.parcel.FormBody;

import jakarta.servlet.http.HttpServletRequest;

/** The body of a form POST as parcel intake reads it: straight from the request, as it arrives. */
public final class FormBodies {

	private FormBodies() {
	}

	public static FormBody of(HttpServletRequest request) throws IOException {
		return new FormBody(request.getContentType(), request.getContentLengthLong(), request.getInputStream());
	}
}
