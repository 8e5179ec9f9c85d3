package org.tresor.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class EnvelopesTests {

	static final Keys KEYS = new Keys(new CryptoProperties(2));

	static final SecuPass ALICE_PASS = SecuPass.of("Alice-Secu-Pass-1");

	static final SecuPass BOB_PASS = SecuPass.of("Bob-Secu-Pass-2!");

	static final UserKeyPair ALICE = KEYS.generate("alice@example.org", ALICE_PASS);

	static final UserKeyPair BOB = KEYS.generate("bob@example.org", BOB_PASS);

	private final Envelopes envelopes = new Envelopes();

	record Sealed(byte[] body, List<KeyPacket> packets) {
	}

	Sealed seal(byte[] plaintext, PublicKeyRing... recipients) throws IOException {
		var body = new ByteArrayOutputStream();
		var encrypting = envelopes.encrypt(List.of(recipients), "scan.pdf", body);
		// in odd-sized chunks, as a network stream would deliver them
		for (int offset = 0; offset < plaintext.length; offset += 7_777) {
			encrypting.write(plaintext, offset, Math.min(7_777, plaintext.length - offset));
		}
		encrypting.close();
		assertThat(encrypting.plaintextBytes()).isEqualTo(plaintext.length);
		return new Sealed(body.toByteArray(), encrypting.keyPackets());
	}

	byte[] open(UserKeyPair key, SecuPass pass, KeyPacket packet, byte[] body) throws IOException {
		try (var in = envelopes.decrypt(KEYS.unlock(key.secretKey(), pass), packet, new ByteArrayInputStream(body))) {
			return in.readAllBytes();
		}
	}

	static byte[] random(int size) {
		var bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		return bytes;
	}

	@Test
	void everyRecipientDecryptsTheSameBody() throws IOException {
		var plaintext = random(3_000_000);
		var sealed = seal(plaintext, ALICE.publicKey(), BOB.publicKey());
		assertThat(sealed.packets()).hasSize(2);
		assertThat(open(ALICE, ALICE_PASS, sealed.packets().get(0), sealed.body())).isEqualTo(plaintext);
		assertThat(open(BOB, BOB_PASS, sealed.packets().get(1), sealed.body())).isEqualTo(plaintext);
	}

	@Test
	void emptyInputRoundTrips() throws IOException {
		var sealed = seal(new byte[0], ALICE.publicKey());
		assertThat(open(ALICE, ALICE_PASS, sealed.packets().get(0), sealed.body())).isEmpty();
	}

	@Test
	void bodyIsOneEncryptedDataPacketAndKeyPacketsArePublicKeyPackets() throws IOException {
		var sealed = seal(random(1000), ALICE.publicKey(), BOB.publicKey());
		assertThat(PacketSplitter.tagAt(sealed.body(), 0))
			.isEqualTo(PacketSplitter.SYMMETRICALLY_ENCRYPTED_INTEGRITY_PROTECTED);
		for (var packet : sealed.packets()) {
			assertThat(PacketSplitter.tagAt(packet.encoded(), 0)).isEqualTo(PacketSplitter.PUBLIC_KEY_ENCRYPTED_SESSION_KEY);
			assertThat(PacketSplitter.endOfPacket(packet.encoded(), 0)).isEqualTo(packet.encoded().length);
		}
	}

	@Test
	void tamperedBodyFailsTheIntegrityCheck() throws IOException {
		var sealed = seal(random(200_000), ALICE.publicKey());
		sealed.body()[sealed.body().length / 2] ^= 0x01;
		assertThatThrownBy(() -> open(ALICE, ALICE_PASS, sealed.packets().get(0), sealed.body()))
			.isInstanceOf(IntegrityException.class);
	}

	@Test
	void truncatedBodyIsAnError() throws IOException {
		var sealed = seal(random(200_000), ALICE.publicKey());
		var truncated = java.util.Arrays.copyOf(sealed.body(), sealed.body().length - 100);
		assertThatThrownBy(() -> open(ALICE, ALICE_PASS, sealed.packets().get(0), truncated))
			.isInstanceOf(IOException.class);
	}

	@Test
	void keyPacketOfAnotherRecipientIsRefused() throws IOException {
		var sealed = seal(random(100), ALICE.publicKey());
		assertThatThrownBy(() -> open(BOB, BOB_PASS, sealed.packets().get(0), sealed.body()))
			.isInstanceOf(IOException.class)
			.hasMessageContaining("another key");
	}

	@Test
	void rewrapLetsANewRecipientReadTheUnchangedBody() throws IOException {
		var plaintext = random(500_000);
		var sealed = seal(plaintext, ALICE.publicKey());
		var bodyBefore = sealed.body().clone();
		var forBob = envelopes.rewrap(KEYS.unlock(ALICE.secretKey(), ALICE_PASS), sealed.packets().get(0),
				BOB.publicKey());
		assertThat(open(BOB, BOB_PASS, forBob, sealed.body())).isEqualTo(plaintext);
		assertThat(open(ALICE, ALICE_PASS, sealed.packets().get(0), sealed.body())).isEqualTo(plaintext);
		assertThat(sealed.body()).isEqualTo(bodyBefore);
	}

	@Test
	void refusesToEncryptToNobody() {
		assertThatThrownBy(() -> envelopes.encrypt(List.of(), "x", new ByteArrayOutputStream()))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
