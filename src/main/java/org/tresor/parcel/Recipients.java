package org.tresor.parcel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tresor.account.UserId;
import org.tresor.crypto.KeyPacket;
import org.tresor.crypto.PublicKeyRing;

/** The users a parcel is encrypted to, in a fixed order shared by keys and key packets. */
public record Recipients(List<UserId> users, List<PublicKeyRing> keys) {

	public static Recipients of(Map<UserId, PublicKeyRing> keysByUser) {
		var ordered = List.copyOf(keysByUser.entrySet());
		return new Recipients(ordered.stream().map(Map.Entry::getKey).toList(),
				ordered.stream().map(Map.Entry::getValue).toList());
	}

	public boolean isEmpty() {
		return users.isEmpty();
	}

	Map<UserId, KeyPacket> zip(List<KeyPacket> packets) {
		var result = new LinkedHashMap<UserId, KeyPacket>();
		for (int i = 0; i < users.size(); i++) {
			result.put(users.get(i), packets.get(i));
		}
		return result;
	}
}
