package org.tresor.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.stereotype.Component;
import org.tresor.kernel.TresorProperties;

/**
 * Seals the small secrets the database keeps for sign-in (TOTP secrets) with AES-256-GCM under the application's
 * secrets key (Spring Security's {@link Encryptors#stronger}): a copy of the database alone opens none of them. The
 * key is {@code tresor.account.secrets-key} ({@code TRESOR_ACCOUNT_SECRETS_KEY}, the same on every instance) or, without it,
 * a random key that the first start writes to {@code secrets.key} in the data directory, readable by its owner only.
 */
@Component
class SealedSecrets {

	static final String KEY_FILE = "secrets.key";

	/** Fixed: the key is random already; the salt only separates this use of it from any other. */
	private static final String SALT = HexFormat.of().formatHex("tresor-sealed-secrets".getBytes(StandardCharsets.US_ASCII));

	private final BytesEncryptor encryptor;

	SealedSecrets(AccountProperties properties, TresorProperties tresor) {
		var key = properties.secretsKey().isEmpty() ? keyFile(tresor.dataDirectory().resolve(KEY_FILE))
				: properties.secretsKey();
		this.encryptor = Encryptors.stronger(key, SALT);
	}

	String seal(String secret) {
		return Base64.getEncoder().encodeToString(encryptor.encrypt(secret.getBytes(StandardCharsets.UTF_8)));
	}

	/** @throws IllegalStateException if {@code sealed} was sealed under another key, or altered */
	String open(String sealed) {
		try {
			return new String(encryptor.decrypt(Base64.getDecoder().decode(sealed)), StandardCharsets.UTF_8);
		}
		catch (RuntimeException e) {
			throw new IllegalStateException("A sealed secret does not open with this secrets key", e);
		}
	}

	/** The key in {@code file}, made once: whoever starts first writes it, the others read it. */
	private static String keyFile(Path file) {
		try {
			if (!Files.exists(file)) {
				var key = new byte[32];
				new SecureRandom().nextBytes(key);
				try {
					Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
					Files.writeString(file, HexFormat.of().formatHex(key), StandardCharsets.US_ASCII);
				}
				catch (FileAlreadyExistsException e) {
					// another instance on the same directory was faster: its key counts
				}
				catch (UnsupportedOperationException e) {
					Files.writeString(file, HexFormat.of().formatHex(key), StandardCharsets.US_ASCII);
				}
			}
			return Files.readString(file, StandardCharsets.US_ASCII).strip();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read or create the secrets key " + file, e);
		}
	}
}
