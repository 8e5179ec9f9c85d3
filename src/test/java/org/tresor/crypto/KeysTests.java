package org.tresor.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.tresor.crypto.CryptoProperties.AesEngine;
import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.bcpg.SecretKeyPacket;
import org.bouncycastle.bcpg.sig.Features;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

@TestInstance(Lifecycle.PER_CLASS)
class KeysTests {

	private final Keys keys = new Keys(new CryptoProperties(2, AesEngine.AUTO));

	private UserKeyPair alice;

	@BeforeAll
	void generateOnce() {
		alice = keys.generate("alice@example.org", SecuPass.of("Correct horse 7!"));
	}

	@Test
	void unlocksWithTheSecuPassItWasGeneratedWith() {
		UnlockedKey unlocked = keys.unlock(alice.secretKey(), SecuPass.of("Correct horse 7!"));

		PGPPublicKey encryptionKey = KeyRings.encryptionKey(KeyRings.parse(alice.publicKey()));
		assertThat(unlocked.decryptionKey().getKeyID()).isEqualTo(encryptionKey.getKeyID());
	}

	@Test
	void refusesAWrongSecuPass() {
		assertThatExceptionOfType(WrongSecuPassException.class)
			.isThrownBy(() -> keys.unlock(alice.secretKey(), SecuPass.of("Correct horse 8!")));
	}

	@Test
	void leavesTheCallersSecuPassIntact() {
		var pass = SecuPass.of("Correct horse 7!");

		keys.unlock(alice.secretKey(), pass);

		assertThat(new String(pass.characters())).isEqualTo("Correct horse 7!");
	}

	@Test
	void givesThePermitBackWhenTheSecuPassIsWrong() {
		var oneAtATime = new Keys(new CryptoProperties(1, AesEngine.AUTO));
		for (int attempt = 0; attempt < 2; attempt++) {
			assertThatExceptionOfType(WrongSecuPassException.class)
				.isThrownBy(() -> oneAtATime.unlock(alice.secretKey(), SecuPass.of("guess")));
		}

		assertThat(oneAtATime.unlock(alice.secretKey(), SecuPass.of("Correct horse 7!"))).isNotNull();
	}

	@Test
	void namesTheCertificateByItsV4FingerprintInUpperCaseHex() {
		String fingerprint = alice.publicKey().fingerprint();

		assertThat(fingerprint).matches("[0-9A-F]{40}");
		assertThat(fingerprint).isEqualTo(KeyRings.fingerprint(KeyRings.parse(alice.publicKey()).getPublicKey()));
	}

	@Test
	void refusesAnEmptySecuPass() {
		assertThatIllegalArgumentException().isThrownBy(() -> keys.generate("bob@example.org", SecuPass.of("")));
	}

	@Nested
	class GeneratedKey {

		@Test
		void carriesTheEmailAsUserId() {
			List<String> userIds = new ArrayList<>();
			KeyRings.parse(alice.publicKey()).getPublicKey().getUserIDs().forEachRemaining(userIds::add);

			assertThat(userIds).containsExactly("alice@example.org");
		}

		@Test
		void isAVersion4Ed25519KeyWithAnX25519EncryptionSubkey() {
			var certificate = KeyRings.parse(alice.publicKey());

			assertThat(certificate.getPublicKey().getVersion()).isEqualTo(4);
			assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo(PGPPublicKey.EDDSA_LEGACY);
			assertThat(KeyRings.encryptionKey(certificate).getAlgorithm()).isEqualTo(PGPPublicKey.ECDH);
		}

		@Test
		void protectsEverySecretKeyWithArgon2AndAead() {
			for (var iterator = KeyRings.parse(alice.secretKey()).getSecretKeys(); iterator.hasNext();) {
				PGPSecretKey secretKey = iterator.next();
				assertThat(secretKey.getS2KUsage()).isEqualTo(SecretKeyPacket.USAGE_AEAD);
				assertThat(secretKey.getS2K().getType()).isEqualTo(S2K.ARGON_2);
				assertThat(secretKey.getS2K().getMemorySizeExponent()).isEqualTo(16);
			}
		}

		@Test
		void locksNewKeysWithTheConfiguredArgon2AndStillOpensKeysLockedBefore() {
			var cheap = new Keys(new CryptoProperties(2, AesEngine.AUTO,
					new CryptoProperties.KeyProtection(org.springframework.util.unit.DataSize.ofMegabytes(1), 1)));
			var pass = SecuPass.of("cheap for this test only");
			var bob = cheap.generate("bob@example.org", pass);
			for (var iterator = KeyRings.parse(bob.secretKey()).getSecretKeys(); iterator.hasNext();) {
				var s2k = iterator.next().getS2K();
				assertThat(s2k.getMemorySizeExponent()).isEqualTo(10);
				assertThat(s2k.getPasses()).isEqualTo(1);
			}
			assertThat(keys.unlock(bob.secretKey(), pass)).isNotNull();
			assertThat(cheap.unlock(alice.secretKey(), SecuPass.of("Correct horse 7!"))).isNotNull();
		}

		/** OWASP's floor for Argon2id: at least 19 MiB and 2 passes; the SecuPass gets 64 MiB, 3 passes, 4 lanes. */
		@Test
		void protectsSecretKeysAboveTheOwaspArgon2Floor() {
			for (var iterator = KeyRings.parse(alice.secretKey()).getSecretKeys(); iterator.hasNext();) {
				var s2k = iterator.next().getS2K();
				assertThat(s2k.getType()).isEqualTo(S2K.ARGON_2);
				assertThat(1L << s2k.getMemorySizeExponent()).as("memory in KiB").isGreaterThanOrEqualTo(19 * 1024);
				assertThat(s2k.getPasses()).isGreaterThanOrEqualTo(2);
				assertThat(s2k.getParallelism()).isGreaterThanOrEqualTo(1);
			}
		}

		@Test
		void advertisesOnlyModificationDetectionSoGnuPG22AcceptsIt() {
			var primaryKey = KeyRings.parse(alice.publicKey()).getPublicKey();
			List<PGPSignature> selfSignatures = new ArrayList<>();
			primaryKey.getSignaturesForKeyID(primaryKey.getKeyID()).forEachRemaining(selfSignatures::add);

			assertThat(selfSignatures).isNotEmpty().allSatisfy(signature -> {
				var subpackets = signature.getHashedSubPackets();
				assertThat(subpackets.getFeatures().getFeatures()).isEqualTo(Features.FEATURE_MODIFICATION_DETECTION);
				assertThat(subpackets.getKeyFlags()).isEqualTo(KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
				assertThat(subpackets.getKeyExpirationTime()).isZero();
				assertThat(subpackets.getPreferredSymmetricAlgorithms()).startsWith(9);
			});
		}

		@Test
		void marksTheSubkeyForEncryptionOnly() {
			var subkey = KeyRings.encryptionKey(KeyRings.parse(alice.publicKey()));
			PGPSignature binding = subkey.getSignatures().next();

			assertThat(binding.getHashedSubPackets().getKeyFlags())
				.isEqualTo(KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);
		}
	}

	@Nested
	class Export {

		@Test
		void armorsTheCertificate() {
			String armored = new String(keys.exportPublicKey(alice.publicKey()), StandardCharsets.US_ASCII);

			assertThat(armored).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----").doesNotContain("Version:");
		}

		@Test
		void protectsTheExportedSecretKeyWithAnS2KGnuPGReads() throws Exception {
			byte[] armored = keys.exportSecretKey(alice.secretKey(), SecuPass.of("Correct horse 7!"));

			var exported = new org.bouncycastle.openpgp.PGPSecretKeyRing(
					org.bouncycastle.openpgp.PGPUtil.getDecoderStream(new java.io.ByteArrayInputStream(armored)),
					new org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator());
			for (var iterator = exported.getSecretKeys(); iterator.hasNext();) {
				PGPSecretKey secretKey = iterator.next();
				assertThat(secretKey.getS2KUsage()).isEqualTo(SecretKeyPacket.USAGE_SHA1);
				assertThat(secretKey.getKeyEncryptionAlgorithm()).isEqualTo(9);
				assertThat(secretKey.getS2K().getType()).isEqualTo(S2K.SALTED_AND_ITERATED);
				assertThat(secretKey.getS2K().getHashAlgorithm()).isEqualTo(8);
			}
		}

		@Test
		void refusesAWrongSecuPass() {
			assertThatExceptionOfType(WrongSecuPassException.class)
				.isThrownBy(() -> keys.exportSecretKey(alice.secretKey(), SecuPass.of("wrong")));
		}
	}

	@Nested
	class Reprotection {

		private final SecuPass current = SecuPass.of("Correct horse 7!");

		private final SecuPass next = SecuPass.of("Staple battery 9?");

		@Test
		void opensTheSameKeyWithTheNewSecuPassOnly() {
			ProtectedKey reprotected = keys.reprotect(alice.secretKey(), current, next);

			var before = keys.unlock(alice.secretKey(), current).decryptionKey();
			var after = keys.unlock(reprotected, next).decryptionKey();
			assertThat(after.getKeyID()).isEqualTo(before.getKeyID());
			assertThat(after.getPrivateKeyDataPacket().getEncoded()).isEqualTo(before.getPrivateKeyDataPacket().getEncoded());
			assertThatExceptionOfType(WrongSecuPassException.class).isThrownBy(() -> keys.unlock(reprotected, current));
		}

		@Test
		void keepsArgon2AndAeadWithFreshSalts() {
			ProtectedKey reprotected = keys.reprotect(alice.secretKey(), current, next);

			var secretKeys = new ArrayList<PGPSecretKey>();
			KeyRings.parse(reprotected).getSecretKeys().forEachRemaining(secretKeys::add);
			var originals = new ArrayList<PGPSecretKey>();
			KeyRings.parse(alice.secretKey()).getSecretKeys().forEachRemaining(originals::add);
			assertThat(secretKeys).hasSameSizeAs(originals);
			for (int i = 0; i < secretKeys.size(); i++) {
				var secretKey = secretKeys.get(i);
				assertThat(secretKey.getKeyID()).isEqualTo(originals.get(i).getKeyID());
				assertThat(secretKey.isMasterKey()).isEqualTo(originals.get(i).isMasterKey());
				assertThat(secretKey.getS2KUsage()).isEqualTo(SecretKeyPacket.USAGE_AEAD);
				assertThat(secretKey.getS2K().getType()).isEqualTo(S2K.ARGON_2);
				assertThat(secretKey.getS2K().getIV()).isNotEqualTo(originals.get(i).getS2K().getIV());
			}
		}

		@Test
		void exportsWithTheNewSecuPass() {
			ProtectedKey reprotected = keys.reprotect(alice.secretKey(), current, next);

			assertThat(new String(keys.exportSecretKey(reprotected, next), StandardCharsets.US_ASCII))
				.startsWith("-----BEGIN PGP PRIVATE KEY BLOCK-----");
		}

		@Test
		void refusesAWrongCurrentSecuPassAndAnEmptyNewOne() {
			assertThatExceptionOfType(WrongSecuPassException.class)
				.isThrownBy(() -> keys.reprotect(alice.secretKey(), SecuPass.of("Correct horse 8!"), next));
			assertThatIllegalArgumentException()
				.isThrownBy(() -> keys.reprotect(alice.secretKey(), current, SecuPass.of("")));
		}

		@Test
		void leavesBothSecuPassesIntact() {
			keys.reprotect(alice.secretKey(), current, next);

			assertThat(new String(current.characters())).isEqualTo("Correct horse 7!");
			assertThat(new String(next.characters())).isEqualTo("Staple battery 9?");
		}
	}
}
