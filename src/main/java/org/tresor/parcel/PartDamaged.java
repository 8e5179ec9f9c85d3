package org.tresor.parcel;

import org.springframework.modulith.NamedInterface;
import org.tresor.account.UserId;
import org.tresor.storage.BlobId;

/**
 * A stored part failed its integrity check while {@code reader} opened it: its body was modified, its
 * integrity packet stripped, or its key packet belongs to another body or key. Nothing of it was released
 * as complete. Names the blob, never a file name.
 */
@NamedInterface("events")
public record PartDamaged(BlobId blob, UserId reader) {
}
