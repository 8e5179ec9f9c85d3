package org.tresor.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.OptionalLong;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.secret.SecretGenerator;

import org.springframework.stereotype.Component;

/**
 * RFC 6238 codes as every authenticator app makes them by default: HMAC-SHA1, six digits, 30 seconds, a 160-bit
 * secret. A code is accepted for the step before and after the current one (clocks drift); which step it belongs to
 * is returned, so a code can be refused once its step was used.
 */
@Component
class TotpCodes {

	static final int DIGITS = 6;

	static final int PERIOD_SECONDS = 30;

	/** Base32 characters: 32 of them are 160 bits, the length RFC 4226 recommends. */
	private static final int SECRET_LENGTH = 32;

	private final SecretGenerator secrets = new DefaultSecretGenerator(SECRET_LENGTH);

	private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

	private final Clock clock;

	TotpCodes(Clock clock) {
		this.clock = clock;
	}

	String newSecret() {
		return secrets.generate();
	}

	/** The time step of {@code code} for {@code secret}, if it is one of the current step or its neighbours. */
	OptionalLong stepOf(String secret, String code) {
		var typed = code == null ? "" : code.replaceAll("\\s", "");
		if (!typed.matches("\\d{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		long now = clock.instant().getEpochSecond() / PERIOD_SECONDS;
		for (long step = now - 1; step <= now + 1; step++) {
			if (MessageDigest.isEqual(generate(secret, step), typed.getBytes(StandardCharsets.US_ASCII))) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	/** The code of {@code secret} for the step {@code offset} steps from now: for tests that act as an app. */
	String code(String secret, int offset) {
		return new String(generate(secret, clock.instant().getEpochSecond() / PERIOD_SECONDS + offset),
				StandardCharsets.US_ASCII);
	}

	/** The enrolment QR code (PNG): an {@code otpauth://} URI with the account and the organisation as issuer. */
	byte[] qrCode(String secret, String account, String issuer) {
		var data = new QrData.Builder().label(account)
			.secret(secret)
			.issuer(issuer)
			.algorithm(HashingAlgorithm.SHA1)
			.digits(DIGITS)
			.period(PERIOD_SECONDS)
			.build();
		try {
			return new ZxingPngQrGenerator().generate(data);
		}
		catch (QrGenerationException e) {
			throw new IllegalStateException("Cannot draw the enrolment QR code", e);
		}
	}

	private byte[] generate(String secret, long step) {
		try {
			return codes.generate(secret, step).getBytes(StandardCharsets.US_ASCII);
		}
		catch (CodeGenerationException e) {
			throw new IllegalStateException("Cannot compute a TOTP code", e);
		}
	}
}
