package org.tresor.crypto.internal;

import java.security.Security;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The BouncyCastle JCA provider, needed for X25519 in the JCE operators. It is appended to the provider
 * list, never inserted first: at position 1 it would also serve SHA-1 and AES to everyone else and those
 * lose the JDK's hardware intrinsics.
 */
public final class BouncyCastle {

	public static final String PROVIDER = BouncyCastleProvider.PROVIDER_NAME;

	/** The JDK's provider, whose AES uses the CPU's AES instructions; used for all bulk data. */
	public static final String BULK_PROVIDER = "SunJCE";

	static {
		if (Security.getProvider(PROVIDER) == null) {
			Security.addProvider(new BouncyCastleProvider());
		}
	}

	private BouncyCastle() {
	}

	/** Makes sure the provider is registered (the static initialiser does the work once). */
	public static void register() {
	}
}
