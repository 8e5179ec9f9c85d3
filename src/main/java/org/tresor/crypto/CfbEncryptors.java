package org.tresor.crypto;

import java.security.GeneralSecurityException;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * The AES-256-CFB encryption (zero IV, as SEIPD v1 needs) of every body Tresor writes: by libgcrypt, twice
 * as fast as the JDK here, or by the JDK, as {@code tresor.crypto.engine} says. Both write the same bytes.
 */
@Component
final class CfbEncryptors {

	private final Optional<Libgcrypt> libgcrypt;

	CfbEncryptors(CryptoEngine engine) {
		this.libgcrypt = engine.libgcrypt();
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
}
