package org.tresor.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Semaphore;

import org.bouncycastle.bcpg.AEADAlgorithmTags;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.bcpg.SignatureSubpacketTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.Features;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.api.OpenPGPKeyGenerator;
import org.bouncycastle.openpgp.api.SignatureParameters;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPImplementation;
import org.bouncycastle.openpgp.operator.PBESecretKeyDecryptor;
import org.bouncycastle.openpgp.operator.PBESecretKeyEncryptor;
import org.bouncycastle.openpgp.operator.PGPKeyPairGenerator;
import org.bouncycastle.openpgp.operator.bc.BcAEADSecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.tresor.crypto.internal.Argon2BlockPool;
import org.tresor.crypto.internal.Argon2Calculator;
import org.tresor.crypto.internal.Argon2KeyDecryptor;
import org.tresor.crypto.internal.BouncyCastle;

/** Users' OpenPGP keys: generation, unlocking with the SecuPass, export. */
@Service
public class Keys {

	/** Lanes of the Argon2id that protects a key; memory and passes are settings ({@link CryptoProperties.KeyProtection}). */
	private static final int ARGON2_PARALLELISM = 4;

	/**
	 * Iterated+salted S2K count 0xF0 (33 554 432 bytes hashed, ≈110 ms here): GnuPG 2.2 reads no S2K
	 * stronger in kind than this, so an exported key is only as strong as this count.
	 */
	private static final int GNUPG_S2K_COUNT = 0xF0;

	private static final Logger log = LoggerFactory.getLogger(Keys.class);

	private final Semaphore argon2Permits;
	private final SecureRandom random = new SecureRandom();
	private final CryptoProperties.KeyProtection protection;
	private final Argon2Calculator argon2;

	Keys(CryptoProperties properties) {
		BouncyCastle.register();
		// fair, so a burst of unlocks cannot starve a user who has been waiting longer
		this.argon2Permits = new Semaphore(properties.maxConcurrentUnlocks(), true);
		this.protection = properties.keyProtection();
		this.argon2 = new Argon2Calculator(new Argon2BlockPool(
				Argon2BytesGenerator.getBlockCount(1 << protection.memoryExponent(), ARGON2_PARALLELISM)));
		if (protection.isBelowOwaspFloor()) {
			log.warn("New keys are locked with Argon2id over {} in {} passes, below OWASP's floor (19 MiB, 2 passes): "
					+ "for tests only, never for real SecuPasses", protection.memory(), protection.passes());
		}
	}

	/** A v4 key (Ed25519 primary, X25519 encryption subkey) for {@code userId}, locked by {@code pass}. */
	public UserKeyPair generate(String userId, SecuPass pass) {
		if (userId == null || userId.isBlank()) {
			throw new IllegalArgumentException("A key needs a user id");
		}
		if (pass.isEmpty()) {
			throw new IllegalArgumentException("A key must be locked by a non-empty SecuPass");
		}
		// the generator wipes the array it is given; the caller's SecuPass must survive
		char[] passphrase = pass.characters().clone();
		acquirePermit();
		try {
			var implementation = new BcOpenPGPImplementation();
			var generator = new OpenPGPKeyGenerator(implementation, PublicKeyPacket.VERSION_4,
					implementation.pgpKeyPairGeneratorProvider(), implementation.pgpDigestCalculatorProvider(),
					this::argon2Encryptor, implementation.keyFingerPrintCalculator(), new Date());
			PGPSecretKeyRing secretKeys = generator
					.withPrimaryKey(PGPKeyPairGenerator::generateLegacyEd25519KeyPair, primaryKeySignature())
					.addUserId(userId, primaryKeySignature())
					.addEncryptionSubkey(PGPKeyPairGenerator::generateLegacyX25519KeyPair, subkeyBindingSignature())
					.build(passphrase)
					.getPGPSecretKeyRing();
			return new UserKeyPair(KeyRings.toPublicKeyRing(secretKeys), new ProtectedKey(secretKeys.getEncoded()));
		}
		catch (PGPException ex) {
			throw new IllegalStateException("Cannot generate a key", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			argon2Permits.release();
			Arrays.fill(passphrase, '\0');
		}
	}

	/** @throws WrongSecuPassException if {@code pass} does not unlock the key */
	public UnlockedKey unlock(ProtectedKey key, SecuPass pass) {
		// only the encryption subkey is needed, so only one Argon2 derivation is paid
		PGPSecretKey encryptionKey = KeyRings.encryptionKey(KeyRings.parse(key));
		char[] passphrase = pass.characters().clone();
		acquirePermit();
		try {
			return new UnlockedKey(extract(encryptionKey, decryptor(passphrase)));
		}
		finally {
			argon2Permits.release();
			Arrays.fill(passphrase, '\0');
		}
	}

	/** ASCII-armored secret key that GnuPG 2.2 imports, protected by the same SecuPass. */
	public byte[] exportSecretKey(ProtectedKey key, SecuPass pass) {
		PGPSecretKeyRing secretKeys = KeyRings.parse(key);
		char[] passphrase = pass.characters().clone();
		List<PGPSecretKey> exported = new ArrayList<>();
		acquirePermit();
		try {
			PBESecretKeyDecryptor decryptor = decryptor(passphrase);
			var digests = new BcPGPDigestCalculatorProvider();
			for (var iterator = secretKeys.getSecretKeys(); iterator.hasNext();) {
				PGPSecretKey secretKey = iterator.next();
				PGPPrivateKey privateKey = extract(secretKey, decryptor);
				// re-encrypt from scratch: copyWithNewPassword from AEAD to CFB writes a broken key (spike)
				PBESecretKeyEncryptor gnupgEncryptor = new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256,
						digests.get(HashAlgorithmTags.SHA256), GNUPG_S2K_COUNT)
					.setSecureRandom(random)
					.build(passphrase);
				exported.add(new PGPSecretKey(privateKey, secretKey.getPublicKey(), digests.get(HashAlgorithmTags.SHA1),
						secretKey.isMasterKey(), gnupgEncryptor));
			}
		}
		catch (PGPException ex) {
			throw new IllegalStateException("Cannot convert the key for export", ex);
		}
		finally {
			argon2Permits.release();
			Arrays.fill(passphrase, '\0');
		}
		return KeyRings.armor(new PGPSecretKeyRing(exported));
	}

	/**
	 * The same key locked by {@code next} instead of {@code current}, with fresh salts; the certificate, and so
	 * every key packet made for it, stays as it is.
	 *
	 * @throws WrongSecuPassException if {@code current} does not unlock the key
	 */
	public ProtectedKey reprotect(ProtectedKey key, SecuPass current, SecuPass next) {
		if (next.isEmpty()) {
			throw new IllegalArgumentException("A key must be locked by a non-empty SecuPass");
		}
		PGPSecretKeyRing secretKeys = KeyRings.parse(key);
		char[] currentPassphrase = current.characters().clone();
		char[] nextPassphrase = next.characters().clone();
		List<PGPSecretKey> reprotected = new ArrayList<>();
		acquirePermit();
		try {
			PBESecretKeyDecryptor decryptor = decryptor(currentPassphrase);
			var checksums = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
			for (var iterator = secretKeys.getSecretKeys(); iterator.hasNext();) {
				PGPSecretKey secretKey = iterator.next();
				PGPPrivateKey privateKey = extract(secretKey, decryptor);
				// built afresh, as for export: copying a key with a new passphrase is what the spike found broken
				reprotected.add(new PGPSecretKey(privateKey, secretKey.getPublicKey(), checksums, secretKey.isMasterKey(),
						argon2Encryptor(nextPassphrase, secretKey.getPublicKey().getPublicKeyPacket())));
			}
			return new ProtectedKey(new PGPSecretKeyRing(reprotected).getEncoded());
		}
		catch (PGPException ex) {
			throw new IllegalStateException("Cannot lock the key with the new SecuPass", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			argon2Permits.release();
			Arrays.fill(currentPassphrase, '\0');
			Arrays.fill(nextPassphrase, '\0');
		}
	}

	/** ASCII-armored certificate. */
	public byte[] exportPublicKey(PublicKeyRing key) {
		return KeyRings.armor(KeyRings.parse(key));
	}

	private PBESecretKeyEncryptor argon2Encryptor(char[] passphrase, PublicKeyPacket key) {
		var argon2 = new S2K.Argon2Params(protection.passes(), ARGON2_PARALLELISM, protection.memoryExponent(), random);
		return new BcAEADSecretKeyEncryptorBuilder(AEADAlgorithmTags.OCB, SymmetricKeyAlgorithmTags.AES_256, argon2)
			.setSecureRandom(random)
			.build(passphrase, key);
	}

	private PBESecretKeyDecryptor decryptor(char[] passphrase) {
		return new Argon2KeyDecryptor(passphrase, new BcPGPDigestCalculatorProvider(), argon2);
	}

	private static PGPPrivateKey extract(PGPSecretKey secretKey, PBESecretKeyDecryptor decryptor) {
		try {
			return secretKey.extractPrivateKey(decryptor);
		}
		catch (PGPException ex) {
			// AEAD (or, for older keys, the checksum) fails on a wrong passphrase; nothing else is expected here
			throw new WrongSecuPassException();
		}
	}

	private void acquirePermit() {
		try {
			argon2Permits.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to unlock a key", ex);
		}
	}

	/**
	 * Self-signatures GnuPG 2.2 understands. BouncyCastle's defaults advertise SEIPDv2/OCB, which gpg 2.2
	 * rejects, and a key expiry in five years, which nothing in Tresor could renew. gpg takes preferences
	 * from the user-id signature, newer implementations from the direct-key signature: both get the same.
	 */
	private static SignatureParameters.Callback primaryKeySignature() {
		return new SignatureParameters.Callback() {

			@Override
			public SignatureParameters apply(SignatureParameters parameters) {
				return parameters.setSignatureHashAlgorithm(HashAlgorithmTags.SHA512)
					.setHashedSubpacketsFunction(Keys::gnupgPreferences);
			}
		};
	}

	private static SignatureParameters.Callback subkeyBindingSignature() {
		return new SignatureParameters.Callback() {

			@Override
			public SignatureParameters apply(SignatureParameters parameters) {
				return parameters.setSignatureHashAlgorithm(HashAlgorithmTags.SHA512)
					.setHashedSubpacketsFunction(subpackets -> {
						subpackets.removePacketsOfType(SignatureSubpacketTags.KEY_FLAGS);
						subpackets.removePacketsOfType(SignatureSubpacketTags.KEY_EXPIRE_TIME);
						subpackets.setKeyFlags(true, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);
						return subpackets;
					});
			}
		};
	}

	private static PGPSignatureSubpacketGenerator gnupgPreferences(PGPSignatureSubpacketGenerator subpackets) {
		for (int type : new int[] { SignatureSubpacketTags.KEY_FLAGS, SignatureSubpacketTags.KEY_EXPIRE_TIME,
				SignatureSubpacketTags.FEATURES, SignatureSubpacketTags.PREFERRED_SYM_ALGS,
				SignatureSubpacketTags.PREFERRED_HASH_ALGS, SignatureSubpacketTags.PREFERRED_COMP_ALGS,
				SignatureSubpacketTags.PREFERRED_AEAD_ALGORITHMS,
				SignatureSubpacketTags.LIBREPGP_PREFERRED_ENCRYPTION_MODES }) {
			subpackets.removePacketsOfType(type);
		}
		subpackets.setKeyFlags(true, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
		subpackets.setFeature(false, Features.FEATURE_MODIFICATION_DETECTION);
		subpackets.setPreferredSymmetricAlgorithms(false,
				new int[] { SymmetricKeyAlgorithmTags.AES_256, SymmetricKeyAlgorithmTags.AES_128 });
		subpackets.setPreferredHashAlgorithms(false, new int[] { HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA256 });
		subpackets.setPreferredCompressionAlgorithms(false, new int[] { CompressionAlgorithmTags.UNCOMPRESSED,
				CompressionAlgorithmTags.ZLIB, CompressionAlgorithmTags.ZIP });
		return subpackets;
	}
}
