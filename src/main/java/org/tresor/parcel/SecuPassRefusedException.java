package org.tresor.parcel;

/** The SecuPass given does not unlock the user's key: nothing of the parcel was opened. */
public class SecuPassRefusedException extends RuntimeException {

	SecuPassRefusedException(Throwable cause) {
		super("The SecuPass does not unlock this key", cause);
	}
}
