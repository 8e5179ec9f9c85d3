package org.tresor.crypto;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.tresor.crypto.CryptoProperties.Engine;

import jakarta.annotation.PreDestroy;

/**
 * Whether libgcrypt, GnuPG's own library, runs the two costly steps, as {@code tresor.crypto.engine} says:
 * the AES-256-CFB encryption of uploads and the Argon2id derivation of every SecuPass check. Either way the
 * bytes are the same; libgcrypt is faster (twice for AES, on one core), and Argon2id computes its lanes side
 * by side where BouncyCastle computes them one after another.
 */
@Component
final class CryptoEngine {

	private static final Logger log = LoggerFactory.getLogger(CryptoEngine.class);

	private final Optional<Libgcrypt> libgcrypt;

	/** Runs Argon2id's lanes; its threads end when idle. */
	private final ExecutorService argon2Lanes = Executors.newCachedThreadPool(DaemonThreads.named("tresor-argon2-"));

	@Autowired
	CryptoEngine(CryptoProperties properties) {
		this(properties.engine(), Libgcrypt::load);
	}

	CryptoEngine(Engine engine, Supplier<Libgcrypt.Loaded> libgcryptLoader) {
		if (engine == Engine.JDK) {
			libgcrypt = Optional.empty();
		}
		else {
			Libgcrypt.Loaded loaded = libgcryptLoader.get();
			if (loaded.library().isEmpty() && engine == Engine.LIBGCRYPT) {
				throw new IllegalStateException(
						"tresor.crypto.engine is libgcrypt, but it cannot be used: " + loaded.reason());
			}
			if (loaded.library().isEmpty()) {
				log.info("libgcrypt cannot be used ({}); Java encrypts, about half as fast", loaded.reason());
			}
			libgcrypt = loaded.library();
		}
		log.info("AES-256-CFB encryption by {}", aesEngine());
		log.info("Argon2id by {}", argon2Engine());
	}

	/** Who encrypts, for the log and the benchmark: "libgcrypt 1.10.1" or "the JDK (SunJCE)". */
	String aesEngine() {
		return libgcrypt.map(library -> "libgcrypt " + library.version())
			.orElse("the JDK (" + BouncyCastle.BULK_PROVIDER + ")");
	}

	/** Who derives keys from SecuPasses: "libgcrypt 1.10.1, lanes in parallel" or "BouncyCastle, one lane at a time". */
	String argon2Engine() {
		return argon2().map(library -> "libgcrypt " + library.version() + ", lanes in parallel")
			.orElse("BouncyCastle, one lane at a time");
	}

	Optional<Libgcrypt> libgcrypt() {
		return libgcrypt;
	}

	/** libgcrypt if it runs Argon2id: it has only since 1.10. */
	Optional<Libgcrypt> argon2() {
		return libgcrypt.filter(Libgcrypt::hasArgon2);
	}

	ExecutorService argon2Lanes() {
		return argon2Lanes;
	}

	@PreDestroy
	void stop() {
		argon2Lanes.shutdown();
	}
}
