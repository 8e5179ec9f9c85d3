package org.tresor.parcel;

import java.util.Optional;

import org.tresor.account.UserId;
import org.tresor.crypto.KeyPacket;
import org.tresor.storage.BlobId;

/** One stored object of a parcel as its owning module keeps it: a body blob and a key packet per reader. */
public interface EncryptedPart {

	BlobId blob();

	long plaintextSize();

	long ciphertextSize();

	Optional<KeyPacket> keyPacketFor(UserId user);
}
