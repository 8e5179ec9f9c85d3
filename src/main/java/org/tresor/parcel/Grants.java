package org.tresor.parcel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tresor.account.Accounts;
import org.tresor.account.UserId;
import org.tresor.crypto.Envelopes;
import org.tresor.crypto.KeyPacket;
import org.tresor.crypto.PublicKeyRing;
import org.tresor.crypto.UnlockedKey;

/**
 * Re-wrap for new readers, the one of both flows: with the grantor's key unlocked, every part the grantor
 * can open gets one new key packet for the new reader, carrying the same session key. The encrypted bodies
 * are not read or copied, so this costs the same whatever the size of the files. Granting twice is granting
 * once: a reader who holds a part's key packet keeps it. Lives for one request.
 */
public final class Grants {

	private final UserId grantor;

	private final UnlockedKey key;

	private final Envelopes envelopes;

	private final Accounts accounts;

	private final Map<UserId, Optional<PublicKeyRing>> readerKeys = new HashMap<>();

	Grants(UserId grantor, UnlockedKey key, Envelopes envelopes, Accounts accounts) {
		this.grantor = grantor;
		this.key = key;
		this.envelopes = envelopes;
		this.accounts = accounts;
	}

	/**
	 * Lets {@code reader} open {@code parcel} too.
	 * @return false if the grantor cannot open the parcel or the reader has no key yet: nothing changed
	 */
	public boolean grant(Parcel parcel, UserId reader) {
		var readerKey = readerKeys.computeIfAbsent(reader,
				user -> Optional.ofNullable(accounts.publicKeysOf(List.of(user)).get(user)));
		if (readerKey.isEmpty() || !parcel.isReadableBy(grantor)) {
			return false;
		}
		for (var part : parcel.parts()) {
			if (part.isReadableBy(reader)) {
				continue;
			}
			part.keyPacketFor(grantor)
				.map(KeyPacket::ofBase64)
				.ifPresent(packet -> part.grant(reader, envelopes.rewrap(key, packet, readerKey.get())));
		}
		return true;
	}
}
