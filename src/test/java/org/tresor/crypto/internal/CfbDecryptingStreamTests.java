package org.tresor.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tresor.crypto.GnuPg;

/** Both decryptions against the JDK's own CFB-128 mode, over sizes and read patterns that cut blocks. */
class CfbDecryptingStreamTests {

	private static final int BUFFER = 1024;

	private final Random random = new Random(20261127);

	@Nested
	class WithTheJdk extends Specification {

		@Override
		CfbDecryption decryption(SecretKey key) throws GeneralSecurityException {
			// batches of three blocks: pieces longer than a batch take several rounds
			return new BatchedCfbDecryption(BatchedCfbDecryption.keystreamCipher(key), 3 * CfbDecryption.BLOCK);
		}

		@Test
		void refusesABatchOfPartialBlocks() throws GeneralSecurityException {
			Cipher ecb = BatchedCfbDecryption.keystreamCipher(key(32));

			assertThatIllegalArgumentException().isThrownBy(() -> new BatchedCfbDecryption(ecb, 1000));
		}
	}

	@Nested
	class WithLibgcrypt extends Specification {

		@Override
		CfbDecryption decryption(SecretKey key) throws GeneralSecurityException {
			GnuPg.assumeAvailable();
			// 100 bytes of native memory: pieces longer than that take several calls, which end mid-block
			return Libgcrypt.load().library().orElseThrow().aesCfbDecryption(key.getEncoded(), 100);
		}
	}

	/** What the stream does with either decryption. */
	abstract class Specification {

		abstract CfbDecryption decryption(SecretKey key) throws GeneralSecurityException;

		@ParameterizedTest
		@ValueSource(ints = { 0, 1, 15, 16, 17, 31, 32, 1023, 1024, 1025, 1040, 4097, 100_003 })
		void decryptsWhatStandardCfbEncrypted(int size) throws Exception {
			SecretKey key = key(32);
			byte[] plaintext = bytes(size);

			assertThat(decryptInChunks(cfbEncrypt(key, plaintext), key, Integer.MAX_VALUE, Integer.MAX_VALUE))
				.isEqualTo(plaintext);
		}

		@ParameterizedTest
		@ValueSource(ints = { 1, 3, 16, 17, 1000, 1024, 1500 })
		void decryptsWhateverSizeTheCiphertextArrivesIn(int largestChunk) throws Exception {
			SecretKey key = key(32);
			byte[] plaintext = bytes(50_000 + random.nextInt(5000));

			assertThat(decryptInChunks(cfbEncrypt(key, plaintext), key, largestChunk, 1 + random.nextInt(3000)))
				.isEqualTo(plaintext);
		}

		@ParameterizedTest
		@ValueSource(ints = { 16, 24, 32 })
		void decryptsEveryAesKeySize(int keyBytes) throws Exception {
			SecretKey key = key(keyBytes);
			byte[] plaintext = bytes(5000);

			assertThat(decryptInChunks(cfbEncrypt(key, plaintext), key, 777, 333)).isEqualTo(plaintext);
		}

		@Test
		void decryptsByteByByte() throws Exception {
			SecretKey key = key(32);
			byte[] plaintext = bytes(3000);
			var ciphertext = cfbEncrypt(key, plaintext);

			var read = new ByteArrayOutputStream();
			try (var in = new CfbDecryptingStream(new ByteArrayInputStream(ciphertext), decryption(key),
					BUFFER, sha1())) {
				for (int b = in.read(); b != -1; b = in.read()) {
					read.write(b);
				}
			}

			assertThat(read.toByteArray()).isEqualTo(plaintext);
		}

		@Test
		void decryptsSingleBytesAndBulkReadsInAnyMix() throws Exception {
			SecretKey key = key(32);
			byte[] plaintext = bytes(20_000);
			var ciphertext = new ChunkedInputStream(cfbEncrypt(key, plaintext), 100, random);

			var read = new ByteArrayOutputStream();
			try (var in = new CfbDecryptingStream(ciphertext, decryption(key), BUFFER, sha1())) {
				byte[] bulk = new byte[3000];
				for (int b = in.read(); b != -1; b = in.read()) {
					read.write(b);
					int n = in.read(bulk, 7, 1 + random.nextInt(bulk.length - 7));
					if (n > 0) {
						read.write(bulk, 7, n);
					}
				}
			}

			assertThat(read.toByteArray()).isEqualTo(plaintext);
		}

		@Test
		void flipsExactlyTheBitThatWasFlippedAndGarblesTheNextBlock() throws Exception {
			SecretKey key = key(32);
			byte[] plaintext = bytes(4 * 16);
			byte[] ciphertext = cfbEncrypt(key, plaintext);
			ciphertext[20] ^= 0x01;

			byte[] decrypted = decryptInChunks(ciphertext, key, 7, 5);

			assertThat(decrypted[20]).isEqualTo((byte) (plaintext[20] ^ 0x01));
			assertThat(Arrays.copyOfRange(decrypted, 32, 48)).isNotEqualTo(Arrays.copyOfRange(plaintext, 32, 48));
			assertThat(Arrays.copyOfRange(decrypted, 48, 64)).isEqualTo(Arrays.copyOfRange(plaintext, 48, 64));
		}

		@Test
		void closesTheCiphertextWhenClosed() throws Exception {
			boolean[] closed = { false };
			var ciphertext = new FilterInputStream(InputStream.nullInputStream()) {
				@Override
				public void close() {
					closed[0] = true;
				}
			};

			new CfbDecryptingStream(ciphertext, decryption(key(32)), BUFFER, sha1()).close();

			assertThat(closed[0]).isTrue();
		}

		@ParameterizedTest
		@ValueSource(ints = { 20, 21, 35, 36, 1023, 1044, 1045, 4097, 100_003 })
		void hashesAllPlaintextButTheMdcValueWhateverTheReadPattern(int size) throws Exception {
			SecretKey key = key(32);
			byte[] plaintext = bytes(size);
			var in = new CfbDecryptingStream(new ChunkedInputStream(cfbEncrypt(key, plaintext), 37, random),
					decryption(key), BUFFER, sha1());

			in.transferTo(OutputStream.nullOutputStream());

			assertThat(in.mdcDigest()).isEqualTo(sha1().digest(Arrays.copyOf(plaintext, size - 20)));
		}

		@Test
		void hasNoMdcDigestBeforeTheEnd() throws Exception {
			SecretKey key = key(32);
			var in = new CfbDecryptingStream(new ByteArrayInputStream(cfbEncrypt(key, bytes(5000))),
					decryption(key), BUFFER, sha1());
			in.read(new byte[100]);

			assertThatIllegalStateException().isThrownBy(in::mdcDigest);
		}

		private byte[] decryptInChunks(byte[] ciphertext, SecretKey key, int largestChunk, int readSize) throws Exception {
			var out = new ByteArrayOutputStream();
			try (var in = new CfbDecryptingStream(new ChunkedInputStream(ciphertext, largestChunk, random),
					decryption(key), BUFFER, sha1())) {
				byte[] buffer = new byte[Math.min(readSize, 1 << 16)];
				int n;
				while ((n = in.read(buffer, 0, 1 + random.nextInt(buffer.length))) != -1) {
					out.write(buffer, 0, n);
				}
			}
			return out.toByteArray();
		}

		@Test
		void closesTheDecryptionWhenClosed() throws Exception {
			boolean[] closed = { false };
			CfbDecryption decryption = new CfbDecryption() {
				@Override
				public void decrypt(byte[] ciphertext, int offset, int length, byte[] plaintext, int plaintextOffset) {
				}

				@Override
				public void close() {
					closed[0] = true;
				}
			};

			new CfbDecryptingStream(InputStream.nullInputStream(), decryption, BUFFER, sha1()).close();

			assertThat(closed[0]).isTrue();
		}
	}

	@Test
	void reportsADecryptionThatFailsAsAnIoFailureOfTheRead() throws Exception {
		var failure = new GeneralSecurityException("the cipher gave up");
		CfbDecryption failing = (ciphertext, offset, length, plaintext, plaintextOffset) -> {
			throw failure;
		};

		try (var in = new CfbDecryptingStream(new ByteArrayInputStream(bytes(100)), failing, BUFFER, sha1())) {
			assertThatIOException().isThrownBy(() -> in.read(new byte[50]))
				.withMessage("Cannot decrypt the body")
				.withCause(failure);
		}
	}

	private static byte[] cfbEncrypt(SecretKey key, byte[] plaintext) throws GeneralSecurityException {
		var cfb = Cipher.getInstance("AES/CFB/NoPadding", "SunJCE");
		cfb.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(new byte[16]));
		return plaintext.length == 0 ? new byte[0] : cfb.doFinal(plaintext);
	}

	private SecretKey key(int length) {
		return new SecretKeySpec(bytes(length), "AES");
	}

	private static MessageDigest sha1() throws GeneralSecurityException {
		return MessageDigest.getInstance("SHA-1");
	}

	private byte[] bytes(int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

	/** Hands out at most a random number of bytes per read, like a network or a partial-packet reader. */
	private static final class ChunkedInputStream extends ByteArrayInputStream {

		private final int largestChunk;

		private final Random random;

		ChunkedInputStream(byte[] bytes, int largestChunk, Random random) {
			super(bytes);
			this.largestChunk = largestChunk;
			this.random = random;
		}

		@Override
		public synchronized int read(byte[] bytes, int offset, int length) {
			int most = largestChunk == Integer.MAX_VALUE ? length : 1 + random.nextInt(largestChunk);
			return super.read(bytes, offset, Math.min(length, most));
		}
	}
}
