package org.tresor.storage;

import java.time.Instant;

/** A committed blob as storage sees it: its id and when it was last written. */
public record StoredBlob(BlobId id, Instant lastModified) {
}
