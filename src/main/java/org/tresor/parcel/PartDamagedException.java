package org.tresor.parcel;

import java.io.IOException;

/**
 * A part does not open although storage read it: its body or its key packet is damaged. Announced as
 * {@link PartDamaged} before this is thrown; the reader gets the "damaged" page, never a stack trace.
 */
public class PartDamagedException extends IOException {

	PartDamagedException(Throwable cause) {
		super("A stored part is damaged", cause);
	}
}
