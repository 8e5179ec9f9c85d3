package org.tresor.submission;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tresor.account.Accounts;
import org.tresor.account.UserId;
import org.tresor.crypto.Envelopes;
import org.tresor.crypto.SecuPass;

/**
 * Opens what a box already holds to a new member: for every part the granting member can open, one new
 * key packet re-wraps the session key for the new member. The encrypted bodies are not read or copied,
 * so this costs the same whatever the size of the files.
 */
@Service
class Access {

	private final Submissions submissions;

	private final Accounts accounts;

	private final Envelopes envelopes;

	Access(Submissions submissions, Accounts accounts, Envelopes envelopes) {
		this.submissions = submissions;
		this.accounts = accounts;
		this.envelopes = envelopes;
	}

	/**
	 * @return how many submissions {@code member} can open now
	 * @throws org.tresor.crypto.WrongSecuPassException if {@code pass} does not unlock the grantor's key
	 */
	@Transactional
	int grantExisting(UUID box, UserId member, UserId grantor, SecuPass pass) {
		var memberKey = accounts.publicKeysOf(java.util.List.of(member)).get(member);
		if (memberKey == null) {
			throw new SubmissionNotFoundException();
		}
		var key = accounts.unlock(grantor, pass);
		int granted = 0;
		for (var submission : submissions.findByBoxIdAndDeletedAtIsNull(box)) {
			if (submission.manifest().keyPacketFor(grantor).isEmpty()) {
				continue;
			}
			for (var part : submission.parts()) {
				part.keyPacketFor(grantor)
					.ifPresent(packet -> part.grant(member, envelopes.rewrap(key, packet, memberKey)));
			}
			granted++;
		}
		return granted;
	}
}
