package org.tresor.crypto;

import java.io.OutputStream;
import java.util.List;

/**
 * Plaintext goes in; the symmetrically encrypted body goes to the body sink given to
 * {@link Envelopes#encrypt}. After {@link #close()} the key packets (one per recipient, in the order of
 * the recipients) are available.
 */
public abstract class EncryptingStream extends OutputStream {

	EncryptingStream() {
	}

	/** One key packet per recipient, in recipient order; only after {@link #close()}. */
	public abstract List<KeyPacket> keyPackets();

	/** Number of plaintext bytes written so far. */
	public abstract long plaintextBytes();
}
