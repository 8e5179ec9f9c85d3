package org.tresor.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Settings of the crypto module. {@code maxConcurrentUnlocks} bounds how many Argon2 derivations (64 MiB
 * of heap each) run at once: unlocking, exporting and generating keys wait for a permit. {@code aesEngine}
 * chooses who runs the AES-CFB encryption of uploads and decryption of downloads (see {@link AesEngine}).
 * {@code keyProtection} is the Argon2id that protects each private key with its SecuPass (see
 * {@link KeyProtection}).
 */
@Validated
@ConfigurationProperties("tresor.crypto")
public record CryptoProperties(@DefaultValue("2") @Min(1) int maxConcurrentUnlocks,
		@DefaultValue("auto") @NotNull AesEngine aesEngine, @DefaultValue @NotNull @Valid KeyProtection keyProtection) {

	@ConstructorBinding
	public CryptoProperties {
		if (maxConcurrentUnlocks < 1) {
			throw new IllegalArgumentException("tresor.crypto.max-concurrent-unlocks must be at least 1, was "
					+ maxConcurrentUnlocks);
		}
	}

	/** The defaults but for these two. */
	public CryptoProperties(int maxConcurrentUnlocks, AesEngine aesEngine) {
		this(maxConcurrentUnlocks, aesEngine, KeyProtection.RECOMMENDED);
	}

	/**
	 * The Argon2id a new key is locked with: {@code memory} (a power of two, at least 1 MB) and {@code passes}.
	 * The default is RFC 9106's second recommendation, 64 MiB and 3 passes (about 160 ms a guess here). Each key
	 * keeps the parameters it was locked with, so a change applies to keys made from then on and older keys still
	 * open. Less than OWASP's floor (19 MiB, 2 passes) is only for tests, and says so in the log at start.
	 */
	public record KeyProtection(@DefaultValue("64MB") @NotNull DataSize memory, @DefaultValue("3") @Min(1) int passes) {

		public static final KeyProtection RECOMMENDED = new KeyProtection(DataSize.ofMegabytes(64), 3);

		public KeyProtection {
			long kib = memory == null ? 0 : memory.toKilobytes();
			if (Long.bitCount(kib) != 1 || kib < 1024 || kib > (1L << 30)) {
				throw new IllegalArgumentException("tresor.crypto.key-protection.memory must be a power of two from "
						+ "1MB to 1TB, was " + memory);
			}
		}

		/** RFC 9580's encoding of the memory: 2 to this power, in KiB. */
		public int memoryExponent() {
			return Long.numberOfTrailingZeros(memory.toKilobytes());
		}

		public boolean isBelowOwaspFloor() {
			return memory.toKilobytes() < 19 * 1024 || passes < 2;
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
