package org.tresor.parcel;

import org.springframework.util.unit.DataSize;

/** What one form may bring: checked while the bytes stream in, before they are accepted. */
public record ParcelLimits(DataSize maxTotalSize, DataSize maxFileSize, int maxFiles, int maxMessageLength) {
}
