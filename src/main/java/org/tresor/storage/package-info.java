/**
 * {@code BlobStore}: put, get and delete of opaque ciphertext streams, on the filesystem or in S3; the
 * sweeper of unreferenced blobs and the administrators' page of missing ones. Knows no crypto and no parcel.
 */
@ApplicationModule(displayName = "Storage", allowedDependencies = {})
package org.tresor.storage;

import org.springframework.modulith.ApplicationModule;
