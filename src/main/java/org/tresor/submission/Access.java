package org.tresor.submission;

import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tresor.account.Accounts;
import org.tresor.account.UserId;
import org.tresor.parcel.Parcels;

/**
 * Opens what a box already holds to a new member: parcel's re-wrap gives the new member a key packet for
 * every part the granting member can open. The encrypted bodies are not read or copied, so this costs the
 * same whatever the size of the files. Granting twice, or twice at once, is granting once.
 */
@Service
class Access {

	/** Two grants at once: the one that loses its race finds the key packets there on its next try. */
	private static final int ATTEMPTS = 3;

	private final Submissions submissions;

	private final Accounts accounts;

	private final Parcels parcels;

	private final TransactionTemplate transactions;

	Access(Submissions submissions, Accounts accounts, Parcels parcels, TransactionTemplate transactions) {
		this.submissions = submissions;
		this.accounts = accounts;
		this.parcels = parcels;
		this.transactions = transactions;
	}

	/**
	 * @return how many submissions {@code member} can open now
	 * @throws org.tresor.parcel.SecuPassRefusedException if {@code secuPass} does not unlock the grantor's key
	 */
	int grantExisting(UUID box, UserId member, UserId grantor, String secuPass) {
		if (!accounts.publicKeysOf(java.util.List.of(member)).containsKey(member)) {
			throw new SubmissionNotFoundException();
		}
		// unlocked before the transaction: no connection is held while Argon2 runs
		var grants = parcels.grantsOf(grantor, secuPass);
		for (int attempt = 1;; attempt++) {
			try {
				return transactions.execute(status -> (int) submissions.findByBoxIdAndDeletedAtIsNull(box)
					.stream()
					.filter(submission -> grants.grant(submission.parcel(), member))
					.count());
			}
			catch (DataIntegrityViolationException | OptimisticLockingFailureException e) {
				if (attempt == ATTEMPTS) {
					throw e;
				}
			}
		}
	}
}
