package org.tresor.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Settings of the crypto module. {@code maxConcurrentUnlocks} bounds how many Argon2 derivations (64 MiB
 * of heap each) run at once: unlocking, exporting and generating keys wait for a permit. {@code aesEngine}
 * chooses who runs the AES-CFB encryption of uploads and decryption of downloads (see {@link AesEngine}).
 */
@Validated
@ConfigurationProperties("tresor.crypto")
public record CryptoProperties(@DefaultValue("2") @Min(1) int maxConcurrentUnlocks,
		@DefaultValue("auto") @NotNull AesEngine aesEngine) {

	public CryptoProperties {
		if (maxConcurrentUnlocks < 1) {
			throw new IllegalArgumentException("tresor.crypto.max-concurrent-unlocks must be at least 1, was "
					+ maxConcurrentUnlocks);
		}
	}

	/** Who encrypts: what is written is the same OpenPGP either way, only the speed differs. */
	public enum AesEngine {

		/** libgcrypt when the machine has it (where GnuPG is installed), otherwise the JDK. */
		AUTO,

		/** libgcrypt or no start: for machines where the speed is part of the plan. */
		LIBGCRYPT,

		/** The JDK's SunJCE provider, never native code. */
		JDK
	}
}
