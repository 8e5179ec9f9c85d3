package org.tresor.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Settings of the crypto module. {@code maxConcurrentUnlocks} bounds how many Argon2 derivations (64 MiB
 * of memory each) run at once: unlocking, exporting and generating keys wait for a permit. {@code engine}
 * chooses who runs the AES-256-CFB encryption of uploads and Argon2id (see {@link Engine}).
 */
@Validated
@ConfigurationProperties("tresor.crypto")
record CryptoProperties(@DefaultValue("2") @Min(1) int maxConcurrentUnlocks,
		@DefaultValue("auto") @NotNull Engine engine) {

	CryptoProperties {
		if (maxConcurrentUnlocks < 1) {
			throw new IllegalArgumentException("tresor.crypto.max-concurrent-unlocks must be at least 1, was "
					+ maxConcurrentUnlocks);
		}
	}

	/** Who encrypts and derives: the bytes are the same either way, only the speed differs. */
	enum Engine {

		/** libgcrypt when the machine has it (where GnuPG is installed), otherwise Java. */
		AUTO,

		/** libgcrypt or no start: for machines where the speed is part of the plan. */
		LIBGCRYPT,

		/** Java only (the JDK's SunJCE and BouncyCastle), never native code. */
		JDK
	}
}
