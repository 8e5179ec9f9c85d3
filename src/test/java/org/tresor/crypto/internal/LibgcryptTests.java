package org.tresor.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeAll;
import com.sun.jna.Pointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tresor.crypto.GnuPg;

/**
 * libgcrypt's AES-256-CFB writes exactly what the JDK's does, however the plaintext is cut (what it decrypts is
 * specified in {@link CfbDecryptingStreamTests}). Wherever GnuPG is
 * installed, libgcrypt is too (GnuPG is built on it), so there the binding must load.
 */
@TestInstance(Lifecycle.PER_CLASS)
class LibgcryptTests {

	private static final int CHUNK = 4096;

	private final Random random = new Random(27);

	private Libgcrypt libgcrypt;

	@BeforeAll
	void loadWhereGnuPgIs() {
		GnuPg.assumeAvailable();
		Libgcrypt.Loaded loaded = Libgcrypt.load();
		assertThat(loaded.library()).as(loaded.reason()).isPresent();
		libgcrypt = loaded.library().orElseThrow();
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 15, 16, 17, CHUNK - 1, CHUNK, CHUNK + 1, 10 * CHUNK + 7 })
	void encryptsWhatTheJdkEncryptsInChunksOfAnyLength(int size) throws Exception {
		byte[] key = bytes(32);
		byte[] plaintext = bytes(size);
		var ciphertext = new ByteArrayOutputStream();
		byte[] output = new byte[CHUNK];

		try (var encryption = libgcrypt.aes256CfbEncryption(key, CHUNK)) {
			for (int offset = 0; offset < size;) {
				int n = Math.min(size - offset, 1 + random.nextInt(CHUNK));
				byte[] chunk = Arrays.copyOfRange(plaintext, offset, offset + n);
				ciphertext.write(output, 0, encryption.process(chunk, n, output, offset + n == size));
				offset += n;
			}
		}

		assertThat(ciphertext.toByteArray()).isEqualTo(jdkCfb(key).doFinal(plaintext));
	}

	@Test
	void refusesAChunkLargerThanItsBuffer() throws Exception {
		try (var encryption = libgcrypt.aes256CfbEncryption(bytes(32), CHUNK)) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> encryption.process(new byte[CHUNK + 16], CHUNK + 16, new byte[CHUNK + 16], false));
		}
	}

	@Test
	void refusesAKeyThatIsNotAes256() {
		assertThatExceptionOfType(InvalidKeyException.class)
			.isThrownBy(() -> libgcrypt.aes256CfbEncryption(bytes(16), CHUNK))
			.withMessage("AES-256 needs a key of 32 bytes, not 16");
	}

	@Test
	void refusesToDecryptWithAKeyOfNoAesLength() {
		assertThatExceptionOfType(InvalidKeyException.class)
			.isThrownBy(() -> libgcrypt.aesCfbDecryption(bytes(20), CHUNK))
			.withMessage("AES needs a key of 16, 24 or 32 bytes, not 20");
	}

	@Test
	void closesOnceHoweverOftenItIsClosed() throws Exception {
		var closed = new ArrayList<Pointer>();
		var counting = countingCloses(closed);
		var encryption = counting.aes256CfbEncryption(bytes(32), CHUNK);
		var decryption = counting.aesCfbDecryption(bytes(32), CHUNK);

		encryption.close();
		encryption.close();
		decryption.close();
		decryption.close();
		encryption.close();

		assertThat(closed).as("each stream's handle is freed once, however often it is closed").hasSize(2)
			.doesNotHaveDuplicates();
	}

	/**
	 * The same libgcrypt, with every {@code gcry_cipher_close} recorded in {@code closed}; a handle closed again is
	 * recorded but not passed on, so a double free shows as a failure here, not as a crash.
	 */
	private Libgcrypt countingCloses(List<Pointer> closed) throws Exception {
		var functionsField = Libgcrypt.class.getDeclaredField("functions");
		functionsField.setAccessible(true);
		var real = (Libgcrypt.Functions) functionsField.get(libgcrypt);
		var counting = (Libgcrypt.Functions) Proxy.newProxyInstance(Libgcrypt.Functions.class.getClassLoader(),
				new Class<?>[] { Libgcrypt.Functions.class }, (proxy, method, arguments) -> {
					if (method.getName().equals("gcry_cipher_close")) {
						var handle = (Pointer) arguments[0];
						boolean first = !closed.contains(handle);
						closed.add(handle);
						return first ? method.invoke(real, arguments) : null;
					}
					return method.invoke(real, arguments);
				});
		var constructor = Libgcrypt.class.getDeclaredConstructor(Libgcrypt.Functions.class, String.class);
		constructor.setAccessible(true);
		return constructor.newInstance(counting, libgcrypt.version());
	}

	@Test
	void namesItsVersion() {
		assertThat(libgcrypt.version()).matches("\\d+\\.\\d+.*");
	}

	private Cipher jdkCfb(byte[] key) throws GeneralSecurityException {
		var cipher = Cipher.getInstance("AES/CFB/NoPadding", "SunJCE");
		cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
		return cipher;
	}

	private byte[] bytes(int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}
}
