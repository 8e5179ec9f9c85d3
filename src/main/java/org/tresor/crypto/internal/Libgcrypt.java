package org.tresor.crypto.internal;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Optional;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * libgcrypt, the library GnuPG encrypts with, reached through JNA for one thing: AES in CFB mode. An OpenPGP
 * SEIPD v1 body is CFB, where each block needs the previous ciphertext, so its encryption cannot be batched;
 * the JDK calls its AES instructions once per block (about 590 MiB/s here), libgcrypt runs the whole chain in
 * its own assembly (about 1,350 MiB/s). Decryption needs only ciphertext, and libgcrypt runs it on many
 * blocks at once (about 13 GiB/s here; the JDK's keystream and a Java XOR took about 0.25 CPU-seconds per
 * GiB in a profile). Nothing of the cipher is written here: the key goes into a libgcrypt handle, one text
 * in, the other out.
 */
final class Libgcrypt {

	/** GnuPG 2.2 needs 1.8; older ones are not loaded. */
	static final String MINIMUM_VERSION = "1.8.0";

	private static final int GCRY_CIPHER_AES128 = 7;

	private static final int GCRY_CIPHER_AES192 = 8;

	private static final int GCRY_CIPHER_AES256 = 9;

	private static final int AES256_KEY_BYTES = 32;

	private static final int GCRY_CIPHER_MODE_CFB = 2;

	private static final int GCRYCTL_DISABLE_SECMEM = 37;

	private static final int GCRYCTL_INITIALIZATION_FINISHED = 38;

	private static final int GCRYCTL_INITIALIZATION_FINISHED_P = 39;

	/** The C functions used; {@code size_t} is a Java {@code long}, so only 64-bit machines load it. */
	interface Functions extends Library {

		String gcry_check_version(String required);

		int gcry_control(int command, Object... arguments);

		int gcry_cipher_open(PointerByReference handle, int algorithm, int mode, int flags);

		int gcry_cipher_setkey(Pointer handle, byte[] key, long length);

		int gcry_cipher_setiv(Pointer handle, byte[] iv, long length);

		/** With {@code in} null, encrypts {@code out} in place. */
		int gcry_cipher_encrypt(Pointer handle, Pointer out, long outLength, Pointer in, long inLength);

		/** With {@code in} null, decrypts {@code out} in place. */
		int gcry_cipher_decrypt(Pointer handle, Pointer out, long outLength, Pointer in, long inLength);

		void gcry_cipher_close(Pointer handle);

		String gcry_strerror(int error);
	}

	private final Functions functions;

	private final String version;

	/** Frees the handles of streams that were dropped without being closed. */
	private final Cleaner cleaner = Cleaner.create();

	private Libgcrypt(Functions functions, String version) {
		this.functions = functions;
		this.version = version;
	}

	/**
	 * The machine's libgcrypt, initialised, or why it cannot be used (not installed, too old, a 32-bit
	 * machine). The library is loaded once per JVM by JNA; initialising it twice is harmless.
	 */
	static Loaded load() {
		Functions functions;
		try {
			functions = Native.load("gcrypt", Functions.class);
		}
		catch (LinkageError notDevelopmentName) {
			try {
				functions = Native.load("libgcrypt.so.20", Functions.class);
			}
			catch (LinkageError ex) {
				// also JNA's own native part, which it cannot unpack where the temporary directory is noexec
				return new Loaded(Optional.empty(), "libgcrypt cannot be loaded (" + ex.getMessage() + ")");
			}
		}
		if (Native.SIZE_T_SIZE != Long.BYTES) {
			return new Loaded(Optional.empty(), "size_t is not 64 bits on this machine");
		}
		String version = functions.gcry_check_version(MINIMUM_VERSION);
		if (version == null) {
			return new Loaded(Optional.empty(), "libgcrypt " + functions.gcry_check_version(null) + " is older than "
					+ MINIMUM_VERSION);
		}
		if (functions.gcry_control(GCRYCTL_INITIALIZATION_FINISHED_P, 0) == 0) {
			// secure memory is for keys libgcrypt keeps; the session key lives in the JVM heap anyway
			functions.gcry_control(GCRYCTL_DISABLE_SECMEM, 0);
			functions.gcry_control(GCRYCTL_INITIALIZATION_FINISHED, 0);
		}
		return new Loaded(Optional.of(new Libgcrypt(functions, version)), "");
	}

	/** What {@link #load()} found: the library, or the reason there is none. */
	record Loaded(Optional<Libgcrypt> library, String reason) {
	}

	String version() {
		return version;
	}

	/**
	 * AES-256-CFB encryption with {@code key} and a zero IV, as a pipeline stage whose chunks are at most
	 * {@code chunkSize} bytes. Any chunk length works: libgcrypt carries a partial block over to the next call.
	 * Closing the stage frees the handle and wipes the key schedule.
	 */
	CfbEncryption aes256CfbEncryption(byte[] key, int chunkSize) throws GeneralSecurityException {
		if (key.length != AES256_KEY_BYTES) {
			// libgcrypt would quietly run AES-128 with a 16-byte key
			throw new InvalidKeyException("AES-256 needs a key of 32 bytes, not " + key.length);
		}
		return new CfbEncryption(cfb(GCRY_CIPHER_AES256, key, chunkSize), cleaner);
	}

	/**
	 * AES-CFB decryption with {@code key} (AES-128, -192 or -256 by its length) and a zero IV, in pieces of any
	 * length, at most {@code chunkSize} bytes at a time. libgcrypt decrypts CFB many blocks at a time (each
	 * block needs only ciphertext), about ten times as fast as it encrypts. Closing it frees the handle.
	 */
	CfbDecryption aesCfbDecryption(byte[] key, int chunkSize) throws GeneralSecurityException {
		int algorithm = switch (key.length) {
			case 16 -> GCRY_CIPHER_AES128;
			case 24 -> GCRY_CIPHER_AES192;
			case AES256_KEY_BYTES -> GCRY_CIPHER_AES256;
			default -> throw new InvalidKeyException("AES needs a key of 16, 24 or 32 bytes, not " + key.length);
		};
		return new NativeCfbDecryption(cfb(algorithm, key, chunkSize), cleaner);
	}

	/** A CFB handle of {@code algorithm} with {@code key} and a zero IV, and {@code bufferSize} bytes of native memory. */
	private Resources cfb(int algorithm, byte[] key, int bufferSize) throws GeneralSecurityException {
		var handle = new PointerByReference();
		check(functions.gcry_cipher_open(handle, algorithm, GCRY_CIPHER_MODE_CFB, 0), "open AES-CFB");
		var resources = new Resources(functions, handle.getValue(), new Memory(bufferSize));
		try {
			check(functions.gcry_cipher_setkey(handle.getValue(), key, key.length), "set the key");
			byte[] iv = new byte[16];
			check(functions.gcry_cipher_setiv(handle.getValue(), iv, iv.length), "set the IV");
			return resources;
		}
		catch (GeneralSecurityException ex) {
			resources.release();
			throw ex;
		}
	}

	private void check(int error, String what) throws GeneralSecurityException {
		if (error != 0) {
			throw new GeneralSecurityException("libgcrypt could not " + what + ": " + functions.gcry_strerror(error));
		}
	}

	/** The native side of one stream; released once, by close or by the cleaner. */
	private record Resources(Functions functions, Pointer handle, Memory buffer) {

		void release() {
			functions.gcry_cipher_close(handle);
			buffer.close();
		}
	}

	/**
	 * One stream's handle, freed once, by close or by the cleaner. Each piece is copied into native memory,
	 * encrypted or decrypted in place and copied back.
	 */
	private abstract static class NativeCfb implements AutoCloseable {

		private final Resources resources;

		private final Cleaner.Cleanable cleanable;

		NativeCfb(Resources resources, Cleaner cleaner) {
			this.resources = resources;
			// the action holds the resources, never this object, or it would stay reachable forever
			this.cleanable = cleaner.register(this, resources::release);
		}

		long bufferSize() {
			return resources.buffer.size();
		}

		void inPlace(boolean encrypt, byte[] input, int offset, int length, byte[] output, int outputOffset)
				throws GeneralSecurityException {
			Memory buffer = resources.buffer;
			buffer.write(0, input, offset, length);
			Functions functions = resources.functions;
			int error = encrypt ? functions.gcry_cipher_encrypt(resources.handle, buffer, length, null, 0)
					: functions.gcry_cipher_decrypt(resources.handle, buffer, length, null, 0);
			if (error != 0) {
				throw new GeneralSecurityException("libgcrypt could not " + (encrypt ? "encrypt: " : "decrypt: ")
						+ functions.gcry_strerror(error));
			}
			buffer.read(0, output, outputOffset, length);
			// the cleaner must not free the handle while the native call above still runs
			Reference.reachabilityFence(this);
		}

		@Override
		public void close() {
			cleanable.clean();
		}
	}

	/** One stream's encryption, a chunk at a time. */
	static final class CfbEncryption extends NativeCfb implements PipelinedOutputStream.Stage {

		private CfbEncryption(Resources resources, Cleaner cleaner) {
			super(resources, cleaner);
		}

		@Override
		public int process(byte[] input, int length, byte[] output, boolean last) throws GeneralSecurityException {
			if (length > bufferSize()) {
				throw new IllegalArgumentException("A chunk of " + length + " bytes is larger than " + bufferSize());
			}
			inPlace(true, input, 0, length, output, 0);
			return length;
		}
	}

	/** One stream's decryption, in pieces of at most the native buffer's size. */
	static final class NativeCfbDecryption extends NativeCfb implements CfbDecryption {

		private NativeCfbDecryption(Resources resources, Cleaner cleaner) {
			super(resources, cleaner);
		}

		@Override
		public void decrypt(byte[] ciphertext, int offset, int length, byte[] plaintext, int plaintextOffset)
				throws GeneralSecurityException {
			while (length > 0) {
				int n = (int) Math.min(length, bufferSize());
				inPlace(false, ciphertext, offset, n, plaintext, plaintextOffset);
				offset += n;
				plaintextOffset += n;
				length -= n;
			}
		}
	}
}
