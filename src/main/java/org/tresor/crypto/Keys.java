package org.tresor.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.Semaphore;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.Features;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.generators.X25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.X25519KeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;
import org.springframework.stereotype.Service;

/**
 * Users' OpenPGP keys: generation, unlocking with the SecuPass, export.
 *
 * <p>A key is a v4 Ed25519 primary (certify, sign) with an X25519 encryption subkey, advertising only
 * what GnuPG 2.2 reads (MDC, AES-256, SHA-512). The secret parts are protected with AES-256 under an
 * iterated and salted SHA-256 S2K at the maximum count GnuPG accepts (0xF0, ≈65 M hashed bytes per guess),
 * so the stored form is exactly what an export hands to GnuPG.
 */
@Service
public class Keys {

	/** The highest iteration count encoding of RFC 4880 S2K that GnuPG reads. */
	static final int S2K_COUNT = 0xF0;

	private final Semaphore unlocks;

	Keys(CryptoProperties properties) {
		this.unlocks = new Semaphore(properties.maxConcurrentUnlocks(), true);
	}

	/** A v4 key (Ed25519 primary, X25519 encryption subkey) for {@code userId}, locked by {@code pass}. */
	public UserKeyPair generate(String userId, SecuPass pass) {
		try {
			var now = new Date();
			var signing = new Ed25519KeyPairGenerator();
			signing.init(new Ed25519KeyGenerationParameters(OpenPgp.RANDOM));
			var primary = new BcPGPKeyPair(PublicKeyPacket.VERSION_4, PublicKeyAlgorithmTags.EDDSA_LEGACY,
					signing.generateKeyPair(), now);
			var agreement = new X25519KeyPairGenerator();
			agreement.init(new X25519KeyGenerationParameters(OpenPgp.RANDOM));
			var encryption = new BcPGPKeyPair(PublicKeyPacket.VERSION_4, PublicKeyAlgorithmTags.ECDH,
					agreement.generateKeyPair(), now);

			var primaryAttributes = new PGPSignatureSubpacketGenerator();
			primaryAttributes.setKeyFlags(true, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
			primaryAttributes.setPreferredSymmetricAlgorithms(false,
					new int[] { SymmetricKeyAlgorithmTags.AES_256, SymmetricKeyAlgorithmTags.AES_128 });
			primaryAttributes.setPreferredHashAlgorithms(false,
					new int[] { HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA256 });
			primaryAttributes.setPreferredCompressionAlgorithms(false,
					new int[] { CompressionAlgorithmTags.UNCOMPRESSED });
			// MDC only: advertising SEIPDv2/OCB would make other OpenPGP software send what GnuPG 2.2 rejects
			primaryAttributes.setFeature(false, Features.FEATURE_MODIFICATION_DETECTION);
			primaryAttributes.setIssuerFingerprint(false, primary.getPublicKey());

			var subkeyAttributes = new PGPSignatureSubpacketGenerator();
			subkeyAttributes.setKeyFlags(true, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);
			subkeyAttributes.setIssuerFingerprint(false, primary.getPublicKey());

			var generator = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, primary, userId,
					OpenPgp.digest(HashAlgorithmTags.SHA1), primaryAttributes.generate(), null,
					new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.EDDSA_LEGACY, HashAlgorithmTags.SHA512),
					protector(pass));
			generator.addSubKey(encryption, subkeyAttributes.generate(), null);
			var publicRing = generator.generatePublicKeyRing();
			var secretRing = generator.generateSecretKeyRing();
			return new UserKeyPair(new PublicKeyRing(publicRing.getEncoded(), fingerprint(publicRing.getPublicKey())),
					new ProtectedKey(secretRing.getEncoded()));
		}
		catch (PGPException | IOException e) {
			throw new IllegalStateException("Key generation failed", e);
		}
	}

	/** @throws WrongSecuPassException if {@code pass} does not unlock the key */
	public UnlockedKey unlock(ProtectedKey key, SecuPass pass) {
		var secretKey = encryptionKey(secretRing(key));
		return new UnlockedKey(extract(secretKey, pass));
	}

	/** ASCII-armored secret key that GnuPG 2.2 imports, protected by the same SecuPass. */
	public byte[] exportSecretKey(ProtectedKey key, SecuPass pass) {
		var ring = secretRing(key);
		// proves the SecuPass before handing out the key, so a wrong one gets a clear answer here, not in gpg
		extract(encryptionKey(ring), pass);
		return armored(key.encoded());
	}

	/** ASCII-armored certificate. */
	public byte[] exportPublicKey(PublicKeyRing key) {
		return armored(key.encoded());
	}

	private PGPPrivateKey extract(PGPSecretKey secretKey, SecuPass pass) {
		unlocks.acquireUninterruptibly();
		try {
			return secretKey.extractPrivateKey(
					new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(pass.characters()));
		}
		catch (PGPException e) {
			throw new WrongSecuPassException();
		}
		finally {
			unlocks.release();
		}
	}

	static PGPPublicKey encryptionKey(PGPPublicKeyRing ring) {
		for (var key : ring) {
			if (key.isEncryptionKey() && !key.isMasterKey()) {
				return key;
			}
		}
		throw new IllegalArgumentException("The certificate has no encryption subkey");
	}

	static PGPPublicKeyRing publicRing(PublicKeyRing key) {
		try {
			return new PGPPublicKeyRing(key.encoded(), new BcKeyFingerprintCalculator());
		}
		catch (IOException e) {
			throw new IllegalArgumentException("Not an OpenPGP certificate", e);
		}
	}

	private static PGPSecretKey encryptionKey(PGPSecretKeyRing ring) {
		for (var key : ring) {
			if (key.getPublicKey().isEncryptionKey() && !key.isMasterKey()) {
				return key;
			}
		}
		throw new IllegalArgumentException("The key has no encryption subkey");
	}

	private static PGPSecretKeyRing secretRing(ProtectedKey key) {
		try {
			return new PGPSecretKeyRing(key.encoded(), new BcKeyFingerprintCalculator());
		}
		catch (IOException | PGPException e) {
			throw new IllegalArgumentException("Not an OpenPGP secret key", e);
		}
	}

	private static org.bouncycastle.openpgp.operator.PBESecretKeyEncryptor protector(SecuPass pass) {
		return new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256,
				OpenPgp.digest(HashAlgorithmTags.SHA256), S2K_COUNT)
			.setSecureRandom(OpenPgp.RANDOM)
			.build(pass.characters());
	}

	static String fingerprint(PGPPublicKey key) {
		return HexFormat.of().formatHex(key.getFingerprint()).toUpperCase(Locale.ROOT);
	}

	private static byte[] armored(byte[] binary) {
		var buffer = new ByteArrayOutputStream();
		try (var armor = ArmoredOutputStream.builder().clearHeaders().build(buffer)) {
			armor.write(binary);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return buffer.toByteArray();
	}
}
