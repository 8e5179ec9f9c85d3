package org.tresor.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tresor.kernel.OrganisationProperties;
import org.tresor.kernel.Sha256;
import org.tresor.protection.ClientAddresses;
import org.tresor.protection.Limit;
import org.tresor.protection.RateLimits;
import org.tresor.protection.TooManyAttemptsException;

/**
 * The second factor after a password: a TOTP authenticator app (enrolled with a QR code or the secret as text, and
 * confirmed with one code), and ten single-use recovery codes for the day the phone is lost. A wrong code counts
 * towards the same lockouts as a wrong password, of the account and of the client, and is audited.
 */
@Service
public class SecondFactors {

	/** How many recovery codes a user holds after enrolling or renewing them. */
	public static final int RECOVERY_CODES = 10;

	/** 16 characters of 32 (80 bits), without 0/O and 1/I/L, in groups of four. */
	private static final String RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

	private static final int RECOVERY_CODE_LENGTH = 16;

	private static final Logger log = LoggerFactory.getLogger(SecondFactors.class);

	/** What the account page shows about one's second factor. */
	public record Status(boolean enrolled, Instant enrolledAt, long unusedRecoveryCodes) {
	}

	private final Users users;

	private final RecoveryCodes recoveryCodes;

	private final AccountSettings settings;

	private final TotpCodes totp;

	private final SealedSecrets sealed;

	private final OrganisationProperties organisation;

	private final RateLimits limits;

	private final ClientAddresses clients;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	SecondFactors(Users users, RecoveryCodes recoveryCodes, AccountSettings settings, TotpCodes totp,
			SealedSecrets sealed, OrganisationProperties organisation, RateLimits limits, ClientAddresses clients,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.users = users;
		this.recoveryCodes = recoveryCodes;
		this.settings = settings;
		this.totp = totp;
		this.sealed = sealed;
		this.organisation = organisation;
		this.limits = limits;
		this.clients = clients;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	public Status status(UserId id) {
		return transactions.execute(status -> users.findById(id)
			.map(user -> new Status(user.hasSecondFactor(), user.totpEnrolledAt().orElse(null),
					recoveryCodes.countUnused(id.value())))
			.orElse(new Status(false, null, 0)));
	}

	/**
	 * The secret offered for enrolment, as text in groups of four: the one offered before, or a new one.
	 *
	 * @throws SecondFactorEnrolledException if the account has a second factor already
	 */
	public String offer(UserId id) {
		var secret = transactions.execute(status -> {
			var user = users.findLockedById(id.value()).orElseThrow(SecondFactorEnrolledException::new);
			if (user.hasSecondFactor()) {
				throw new SecondFactorEnrolledException();
			}
			return user.pendingTotpSecret().map(sealed::open).orElseGet(() -> {
				var fresh = totp.newSecret();
				user.offerTotp(sealed.seal(fresh));
				return fresh;
			});
		});
		return grouped(secret);
	}

	private static String grouped(String secret) {
		return String.join(" ", secret.split("(?<=\\G.{4})"));
	}

	/**
	 * The secret offered for enrolment, as text in groups of four; empty if none is offered, or a second factor is
	 * enrolled.
	 */
	public Optional<String> offered(UserId id) {
		return transactions.execute(status -> users.findById(id)
			.filter(user -> !user.hasSecondFactor())
			.flatMap(User::pendingTotpSecret)
			.map(sealed::open)
			.map(SecondFactors::grouped));
	}

	/**
	 * The QR code of the offered secret (PNG), for an authenticator app; empty if none is offered. Drawn after the
	 * transaction, so no connection waits for it.
	 */
	public Optional<byte[]> offeredQrCode(UserId id) {
		record Offer(String secret, String account) {
		}
		return transactions.execute(status -> users.findById(id)
			.filter(user -> !user.hasSecondFactor())
			.flatMap(user -> user.pendingTotpSecret().map(secret -> new Offer(secret, user.email().value()))))
			.map(offer -> totp.qrCode(sealed.open(offer.secret()), offer.account(), organisation.name()));
	}

	/**
	 * Enrols the offered secret once {@code code} shows the app has it; earlier recovery codes are replaced.
	 *
	 * @return the new recovery codes, to be shown once: only their hashes are kept
	 * @throws WrongCodeException if {@code code} is not a current code of the offered secret
	 * @throws SecondFactorEnrolledException if the account has a second factor already
	 * @throws TooManyAttemptsException if the account or the client is locked out after wrong codes or passwords
	 */
	public List<String> confirm(UserId id, String code) {
		var email = emailOf(id);
		checkNotLocked(email);
		var codes = transactions.execute(status -> {
			var user = users.findLockedById(id.value()).orElseThrow(WrongCodeException::new);
			if (user.hasSecondFactor()) {
				throw new SecondFactorEnrolledException();
			}
			var secret = user.pendingTotpSecret().map(sealed::open);
			var step = secret.flatMap(value -> stepOf(value, code));
			if (step.isEmpty()) {
				return null;
			}
			user.enrolTotp(clock.instant(), step.get());
			var fresh = replaceRecoveryCodes(id);
			events.publishEvent(new SecondFactorEnrolled(id, email));
			return fresh;
		});
		if (codes == null) {
			throw wrongCode(id, email);
		}
		log.info("User {} enrolled a second factor", id.value());
		return codes;
	}

	/**
	 * Checks a code of the enrolled authenticator app after a correct password. A code works once.
	 *
	 * @throws WrongCodeException if {@code code} is not a current, unused code
	 * @throws TooManyAttemptsException if the account or the client is locked out after wrong codes or passwords
	 */
	public void verify(UserId id, String code) {
		var email = emailOf(id);
		checkNotLocked(email);
		boolean passed = Boolean.TRUE.equals(transactions.execute(status -> {
			var user = users.findLockedById(id.value()).orElse(null);
			if (user == null) {
				return false;
			}
			var step = user.totpSecret().map(sealed::open).flatMap(secret -> stepOf(secret, code));
			if (step.isEmpty() || !user.useTotpStep(step.get())) {
				return false;
			}
			events.publishEvent(new SecondFactorPassed(id, email, false));
			return true;
		}));
		if (!passed) {
			throw wrongCode(id, email);
		}
	}

	/**
	 * Lets one of the recovery codes stand for the second factor, once.
	 *
	 * @throws WrongCodeException if {@code code} is not one of the user's unused recovery codes
	 * @throws TooManyAttemptsException if the account or the client is locked out after wrong codes or passwords
	 */
	public void useRecoveryCode(UserId id, String code) {
		var email = emailOf(id);
		checkNotLocked(email);
		var hash = Sha256.hex(normaliseRecoveryCode(code));
		boolean passed = Boolean.TRUE.equals(transactions.execute(status -> recoveryCodes
			.findUnused(id.value(), hash)
			.map(recoveryCode -> {
				recoveryCode.use(clock.instant());
				events.publishEvent(new SecondFactorPassed(id, email, true));
				return true;
			})
			.orElse(false)));
		if (!passed) {
			throw wrongCode(id, email);
		}
		log.info("User {} used a recovery code", id.value());
	}

	/** Ten new recovery codes, to be shown once; the earlier ones stop working. Only with a second factor. */
	public List<String> renewRecoveryCodes(UserId id) {
		return transactions.execute(status -> users.findById(id)
			.filter(User::hasSecondFactor)
			.map(user -> replaceRecoveryCodes(id))
			.orElse(List.of()));
	}

	/** Removes the user's second factor and recovery codes ({@code by}: the user, or an administrator). */
	public void remove(UserId id, UserId by) {
		transactions.executeWithoutResult(status -> users.findLockedById(id.value())
			.filter(user -> user.hasSecondFactor() || user.pendingTotpSecret().isPresent())
			.ifPresent(user -> {
				var enrolled = user.hasSecondFactor();
				user.removeTotp();
				recoveryCodes.deleteByUserId(id.value());
				if (enrolled) {
					events.publishEvent(new SecondFactorRemoved(id, user.email().value(), by));
					log.info("Second factor of user {} removed by {}", id.value(), by.value());
				}
			}));
	}

	/** Whether administrators require a second factor of every staff member and administrator. */
	public boolean requiredOfStaff() {
		return transactions.execute(status -> settings.findById(AccountSetting.SECOND_FACTOR_REQUIRED)
			.map(setting -> Boolean.parseBoolean(setting.value()))
			.orElse(false));
	}

	/**
	 * Requires a second factor of every staff member and administrator, or stops requiring it. Who has none is led
	 * to enrol at the next request, before anything else.
	 */
	public void requireOfStaff(boolean required, UserId by) {
		transactions.executeWithoutResult(status -> {
			var setting = settings.findById(AccountSetting.SECOND_FACTOR_REQUIRED)
				.orElseGet(() -> new AccountSetting(AccountSetting.SECOND_FACTOR_REQUIRED, "false"));
			if (Boolean.parseBoolean(setting.value()) == required) {
				return;
			}
			setting.change(Boolean.toString(required));
			settings.save(setting);
			events.publishEvent(new SecondFactorPolicyChanged(required, by));
			log.info("Second factor {} of staff, by {}", required ? "required" : "no longer required", by.value());
		});
	}

	private Optional<Long> stepOf(String secret, String code) {
		var step = totp.stepOf(secret, code);
		return step.isPresent() ? Optional.of(step.getAsLong()) : Optional.empty();
	}

	private List<String> replaceRecoveryCodes(UserId id) {
		recoveryCodes.deleteByUserId(id.value());
		var codes = new ArrayList<String>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			var code = new StringBuilder();
			for (int c = 0; c < RECOVERY_CODE_LENGTH; c++) {
				if (c > 0 && c % 4 == 0) {
					code.append('-');
				}
				code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
			}
			codes.add(code.toString());
			recoveryCodes.save(new RecoveryCode(id, Sha256.hex(normaliseRecoveryCode(code.toString()))));
		}
		return codes;
	}

	private static String normaliseRecoveryCode(String code) {
		return code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
	}

	private String emailOf(UserId id) {
		return transactions.execute(status -> users.findById(id).map(user -> user.email().value()).orElse(""));
	}

	/** Wrong codes are wrong passwords to the lockouts: the account's address and the client. */
	private void checkNotLocked(String email) {
		limits.checkNotLocked(Limit.WRONG_PASSWORDS_PER_ACCOUNT, EmailAddress.normalise(email));
		clients.current().ifPresent(address -> limits.checkNotLocked(Limit.WRONG_PASSWORDS_PER_ADDRESS, address));
	}

	private WrongCodeException wrongCode(UserId id, String email) {
		limits.recordFailure(Limit.WRONG_PASSWORDS_PER_ACCOUNT, EmailAddress.normalise(email));
		clients.current().ifPresent(address -> limits.recordFailure(Limit.WRONG_PASSWORDS_PER_ADDRESS, address));
		transactions.executeWithoutResult(status -> events.publishEvent(new SecondFactorFailed(id, email)));
		log.info("User {} gave a wrong second-factor code", id.value());
		return new WrongCodeException();
	}
}
