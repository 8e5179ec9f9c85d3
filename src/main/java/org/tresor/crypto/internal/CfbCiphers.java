package org.tresor.crypto.internal;

import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.function.Supplier;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.tresor.crypto.CryptoProperties.AesEngine;
import org.tresor.crypto.CryptoProperties;

/**
 * The AES-CFB of every body Tresor writes and reads (zero IV, as SEIPD v1 needs): by libgcrypt, twice as fast
 * as the JDK here when encrypting and several times when decrypting, or by the JDK, as
 * {@code tresor.crypto.aes-engine} says. Both write and read the same bytes.
 */
@Component
public final class CfbCiphers {

	private static final Logger log = LoggerFactory.getLogger(CfbCiphers.class);

	private final Optional<Libgcrypt> libgcrypt;

	@Autowired
	public CfbCiphers(CryptoProperties properties) {
		this(properties.aesEngine(), Libgcrypt::load);
	}

	CfbCiphers(AesEngine engine, Supplier<Libgcrypt.Loaded> libgcryptLoader) {
		if (engine == AesEngine.JDK) {
			libgcrypt = Optional.empty();
		}
		else {
			Libgcrypt.Loaded loaded = libgcryptLoader.get();
			if (loaded.library().isEmpty() && engine == AesEngine.LIBGCRYPT) {
				throw new IllegalStateException(
						"tresor.crypto.aes-engine is libgcrypt, but it cannot be used: " + loaded.reason());
			}
			if (loaded.library().isEmpty()) {
				log.info("libgcrypt cannot be used ({}); the JDK encrypts and decrypts, more slowly", loaded.reason());
			}
			libgcrypt = loaded.library();
		}
		log.info("AES-256-CFB encryption by {}", engine());
	}

	/** Who encrypts and decrypts, for the log and the benchmark: "libgcrypt 1.10.1" or "the JDK (SunJCE)". */
	public String engine() {
		return libgcrypt.map(library -> "libgcrypt " + library.version())
			.orElse("the JDK (" + BouncyCastle.BULK_PROVIDER + ")");
	}

	/** A pipeline stage encrypting with {@code key}; its chunks are whole blocks of at most {@code chunkSize}. */
	PipelinedOutputStream.Stage encryption(byte[] key, int chunkSize) throws GeneralSecurityException {
		if (libgcrypt.isPresent()) {
			return libgcrypt.get().aes256CfbEncryption(key, chunkSize);
		}
		Cipher cipher = Cipher.getInstance("AES/CFB/NoPadding", BouncyCastle.BULK_PROVIDER);
		cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
		return PipelinedOutputStream.encryption(cipher);
	}

	/** Decryption with {@code key} (AES-128, -192 or -256), at most {@code batchSize} bytes to the cipher at a time. */
	CfbDecryption decryption(byte[] key, int batchSize) throws GeneralSecurityException {
		if (libgcrypt.isPresent()) {
			return libgcrypt.get().aesCfbDecryption(key, batchSize);
		}
		return new BatchedCfbDecryption(BatchedCfbDecryption.keystreamCipher(new SecretKeySpec(key, "AES")), batchSize);
	}
}
