package org.tresor;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.tresor.storage.BlobId;
import org.tresor.storage.BlobStore;
import org.tresor.storage.BlobUpload;
import org.tresor.storage.StoredBlob;

/**
 * The application's real blob store, with a switch that makes uploads fail after a number of bytes, the way
 * a full disk or a failure inside the encryption pipeline would. Off unless a test turns it on; tests turn
 * it off again when done.
 */
public class FaultyBlobStore implements BlobStore {

	private final BlobStore store;

	private volatile Fault fault;

	public FaultyBlobStore(BlobStore store) {
		this.store = store;
	}

	private record Fault(long afterBytes, Supplier<? extends Exception> failure) {
	}

	/** Every upload from now on throws {@code failure} (an IOException or a RuntimeException) after this many bytes. */
	public void failUploadsAfter(long bytes, Supplier<? extends Exception> failure) {
		fault = new Fault(bytes, failure);
	}

	public void heal() {
		fault = null;
	}

	@Override
	public BlobUpload create() throws IOException {
		var upload = store.create();
		var current = fault;
		if (current == null) {
			return upload;
		}
		var failing = new FailingStream(upload.stream(), current);
		return new BlobUpload() {

			@Override
			public BlobId id() {
				return upload.id();
			}

			@Override
			public OutputStream stream() {
				return failing;
			}

			@Override
			public long commit() throws IOException {
				return upload.commit();
			}

			@Override
			public void close() throws IOException {
				upload.close();
			}
		};
	}

	@Override
	public InputStream open(BlobId id) throws IOException {
		return store.open(id);
	}

	@Override
	public boolean exists(BlobId id) {
		return store.exists(id);
	}

	@Override
	public void delete(BlobId id) throws IOException {
		store.delete(id);
	}

	@Override
	public Stream<StoredBlob> list() throws IOException {
		return store.list();
	}

	@Override
	public int discardAbandonedUploads(Instant lastWrittenBefore) throws IOException {
		return store.discardAbandonedUploads(lastWrittenBefore);
	}

	private static final class FailingStream extends FilterOutputStream {

		private final Fault fault;

		private long written;

		FailingStream(OutputStream out, Fault fault) {
			super(out);
			this.fault = fault;
		}

		@Override
		public void write(int b) throws IOException {
			count(1);
			out.write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			count(length);
			out.write(bytes, offset, length);
		}

		private void count(int bytes) throws IOException {
			written += bytes;
			if (written > fault.afterBytes()) {
				var failure = fault.failure().get();
				if (failure instanceof IOException io) {
					throw io;
				}
				throw (RuntimeException) failure;
			}
		}
	}
}
