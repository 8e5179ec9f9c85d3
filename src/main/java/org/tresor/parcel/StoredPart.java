package org.tresor.parcel;

import java.util.Map;

import org.tresor.account.UserId;
import org.tresor.crypto.KeyPacket;
import org.tresor.storage.BlobId;

/**
 * An encrypted object that is durable in the blob store; its owner records it with these key packets.
 * {@code notScanned}: a file accepted although the malware scanner could not look at it.
 */
public record StoredPart(BlobId blob, long plaintextSize, long ciphertextSize, Map<UserId, KeyPacket> keyPackets,
		boolean notScanned) {
}
