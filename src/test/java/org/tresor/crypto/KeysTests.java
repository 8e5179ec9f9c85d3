package org.tresor.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class KeysTests {

	private final Keys keys = EnvelopesTests.KEYS;

	private final UserKeyPair alice = EnvelopesTests.ALICE;

	@Test
	void generatedKeyHasAV4FingerprintAndUnlocksWithItsSecuPass() {
		assertThat(alice.publicKey().fingerprint()).matches("[0-9A-F]{40}");
		assertThat(keys.unlock(alice.secretKey(), SecuPass.of("Alice-Secu-Pass-1"))).isNotNull();
	}

	@Test
	void wrongSecuPassIsRefused() {
		assertThatThrownBy(() -> keys.unlock(alice.secretKey(), SecuPass.of("Alice-Secu-Pass-2")))
			.isInstanceOf(WrongSecuPassException.class);
		assertThatThrownBy(() -> keys.unlock(alice.secretKey(), SecuPass.of("")))
			.isInstanceOf(WrongSecuPassException.class);
	}

	@Test
	void exportNeedsTheRightSecuPass() {
		assertThatThrownBy(() -> keys.exportSecretKey(alice.secretKey(), SecuPass.of("wrong")))
			.isInstanceOf(WrongSecuPassException.class);
		var armored = new String(keys.exportSecretKey(alice.secretKey(), SecuPass.of("Alice-Secu-Pass-1")),
				StandardCharsets.US_ASCII);
		assertThat(armored).startsWith("-----BEGIN PGP PRIVATE KEY BLOCK-----");
	}

	@Test
	void publicKeyExportIsArmored() {
		assertThat(new String(keys.exportPublicKey(alice.publicKey()), StandardCharsets.US_ASCII))
			.startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----");
	}

	@Test
	void secuPassIsWipedWhenClosed() {
		var pass = SecuPass.of("secret");
		pass.close();
		assertThat(pass.characters()).containsOnly('\0');
		assertThat(pass.toString()).doesNotContain("secret");
	}
}
