package org.tresor.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Random;

import org.tresor.crypto.CryptoProperties.AesEngine;
import org.tresor.crypto.internal.CfbCiphers;

/** Keys generated once per test run: Argon2 makes every generation cost a few hundred milliseconds. */
final class TestKeys {

	static final Keys KEYS = new Keys(new CryptoProperties(2, AesEngine.AUTO));

	static final Person ALICE = Person.generate("alice@example.org", "Alice's SecuPass 1!");

	static final Person BOB = Person.generate("bob@example.org", "Bob's SecuPass 2?");

	static final Person CAROL = Person.generate("carol@example.org", "Carol's SecuPass 3%");

	private TestKeys() {
	}

	/** Envelopes whose uploads {@code engine} encrypts. */
	static Envelopes envelopes(AesEngine engine) {
		return new Envelopes(new CfbCiphers(new CryptoProperties(2, engine)));
	}

	static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		new Random(length).nextBytes(bytes);
		return bytes;
	}

	/** Encrypts {@code plaintext} by streaming it through {@link Envelopes#encrypt}. */
	static Envelope encrypt(Envelopes envelopes, byte[] plaintext, Person... recipients) throws IOException {
		var body = new ByteArrayOutputStream();
		EncryptingStream encrypting = envelopes.encrypt(
				java.util.Arrays.stream(recipients).map(person -> person.keyPair().publicKey()).toList(), "report.pdf",
				body);
		try (encrypting) {
			new ByteArrayInputStream(plaintext).transferTo(encrypting);
		}
		return new Envelope(encrypting.keyPackets(), body.toByteArray());
	}

	static byte[] decrypt(Envelopes envelopes, Person person, KeyPacket packet, byte[] body) throws IOException {
		try (InputStream plaintext = envelopes.decrypt(person.unlocked(), packet, new ByteArrayInputStream(body))) {
			return plaintext.readAllBytes();
		}
	}

	record Person(UserKeyPair keyPair, String pass, UnlockedKey unlocked) {

		static Person generate(String email, String pass) {
			UserKeyPair keyPair = KEYS.generate(email, SecuPass.of(pass));
			return new Person(keyPair, pass, KEYS.unlock(keyPair.secretKey(), SecuPass.of(pass)));
		}
	}

	record Envelope(List<KeyPacket> keyPackets, byte[] body) {
	}
}
