package org.tresor.crypto;

/** The SecuPass given does not unlock the key. */
public class WrongSecuPassException extends RuntimeException {

	public WrongSecuPassException() {
		super("The SecuPass does not unlock this key");
	}
}
