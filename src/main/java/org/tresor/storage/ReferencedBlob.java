package org.tresor.storage;

/**
 * A blob and what refers to it, in words an administrator can act on (a reference number and part), never
 * content or file names.
 */
public record ReferencedBlob(BlobId blob, String owner) {
}
