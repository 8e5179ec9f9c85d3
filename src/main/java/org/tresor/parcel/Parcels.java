package org.tresor.parcel;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.tresor.account.UserId;
import org.tresor.crypto.Envelopes;
import org.tresor.crypto.FailureRecordingInputStream;
import org.tresor.crypto.IntegrityException;
import org.tresor.crypto.UnlockedKey;
import org.tresor.storage.BlobId;
import org.tresor.storage.BlobStore;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reading stored parcels: the manifest, each file or all as one ZIP, decrypted while they stream, or a
 * part as the OpenPGP message GnuPG decrypts. Callers have checked that the user may see the parcel.
 * A part that fails its integrity check is announced as {@link PartDamaged} (the audit log records it).
 */
@Service
public class Parcels {

	private static final Logger log = LoggerFactory.getLogger(Parcels.class);

	private static final int BUFFER_SIZE = 1 << 16;

	private final Envelopes envelopes;

	private final BlobStore blobs;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	Parcels(Envelopes envelopes, BlobStore blobs, JsonMapper json, ApplicationEventPublisher events) {
		this.envelopes = envelopes;
		this.blobs = blobs;
		this.json = json;
		this.events = events;
	}

	public Manifest manifest(EncryptedPart manifest, UserId user, UnlockedKey key) throws IOException {
		try (var plaintext = decrypt(manifest, user, key)) {
			return json.readValue(plaintext, Manifest.class);
		}
	}

	/** One file, decrypted while it streams. */
	public Download file(String name, EncryptedPart part, UserId user, UnlockedKey key) {
		requireKeyPacket(part, user);
		return new Download(name, part.plaintextSize(), out -> {
			try (var plaintext = decrypt(part, user, key)) {
				copyVerified(plaintext, out);
			}
		});
	}

	/** All {@code files} as one ZIP under their {@code names}, each decrypted while it streams in. */
	public Download zip(String zipName, List<String> names, List<? extends EncryptedPart> files, UserId user,
			UnlockedKey key) {
		files.forEach(part -> requireKeyPacket(part, user));
		return new Download(zipName, Download.UNKNOWN_SIZE, out -> {
			var zip = new ZipOutputStream(out);
			zip.setLevel(Deflater.BEST_SPEED);
			var used = new HashSet<String>();
			for (int i = 0; i < files.size(); i++) {
				zip.putNextEntry(new ZipEntry(unique(names.get(i), used)));
				try (var plaintext = decrypt(files.get(i), user, key)) {
					copyVerified(plaintext, zip);
				}
				zip.closeEntry();
			}
			zip.finish();
		});
	}

	/** The part as the OpenPGP message GnuPG decrypts: the user's key packet, then the body. */
	public Download encrypted(String name, EncryptedPart part, UserId user) {
		var packet = requireKeyPacket(part, user);
		return new Download(name, packet.encoded().length + part.ciphertextSize(), out -> {
			try (var message = envelopes.encryptedMessage(packet, blobs.open(part.blob()))) {
				message.transferTo(out);
			}
		});
	}

	/** Removes bodies; one that cannot be removed now is left for the sweeper, which finds it unreferenced. */
	public void remove(Collection<BlobId> bodies) {
		for (var blob : bodies) {
			try {
				blobs.delete(blob);
			}
			catch (IOException e) {
				log.warn("Could not remove blob {}; the sweeper will", blob.value(), e);
			}
		}
	}

	/**
	 * The part's plaintext. A failure to open it that storage did not cause (no integrity packet, a key packet
	 * of another key or body), and a failed integrity check at its end, are announced as damage.
	 */
	private InputStream decrypt(EncryptedPart part, UserId user, UnlockedKey key) throws IOException {
		var packet = requireKeyPacket(part, user);
		var body = new FailureRecordingInputStream(blobs.open(part.blob()));
		InputStream plaintext;
		try {
			plaintext = envelopes.decrypt(key, packet, body);
		}
		catch (IOException e) {
			if (!body.threw(e)) {
				damaged(part, user);
			}
			throw e;
		}
		return new FilterInputStream(plaintext) {

			/** A damaged stream keeps failing; one report is enough. */
			private boolean reported;

			private IntegrityException damaged(IntegrityException e) {
				if (!reported) {
					reported = true;
					Parcels.this.damaged(part, user);
				}
				return e;
			}

			@Override
			public int read() throws IOException {
				try {
					return super.read();
				}
				catch (IntegrityException e) {
					throw damaged(e);
				}
			}

			@Override
			public int read(byte[] bytes, int offset, int length) throws IOException {
				try {
					return super.read(bytes, offset, length);
				}
				catch (IntegrityException e) {
					throw damaged(e);
				}
			}
		};
	}

	private void damaged(EncryptedPart part, UserId user) {
		log.error("Blob {} failed its integrity check when user {} opened it", part.blob().value(), user.value());
		events.publishEvent(new PartDamaged(part.blob(), user));
	}

	private static org.tresor.crypto.KeyPacket requireKeyPacket(EncryptedPart part, UserId user) {
		return part.keyPacketFor(user).orElseThrow(PartNotReadableException::new);
	}

	private static String unique(String name, Set<String> used) {
		var candidate = name;
		int dot = name.lastIndexOf('.');
		for (int n = 2; !used.add(candidate); n++) {
			candidate = dot > 0 ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot) : name + " (" + n + ")";
		}
		return candidate;
	}

	/**
	 * Copies a decrypting stream, always holding the latest block back: the integrity check runs when the
	 * plaintext ends, so only once the stream says "end" is its last block released. A tampered body thus
	 * never arrives complete; the response breaks off and the browser marks the download as failed. Blocks
	 * are filled before they are written (decryption hands out 8 KiB at a time), so the response goes out
	 * in a few large writes rather than many small ones.
	 */
	private static void copyVerified(InputStream in, OutputStream out) throws IOException {
		var buffer = new byte[BUFFER_SIZE];
		var held = new byte[BUFFER_SIZE];
		int heldLength = 0;
		int read;
		while ((read = in.readNBytes(buffer, 0, buffer.length)) > 0) {
			out.write(held, 0, heldLength);
			var swap = held;
			held = buffer;
			buffer = swap;
			heldLength = read;
			if (read < buffer.length) {
				// a short block means the stream ended, and the integrity check passed
				break;
			}
		}
		out.write(held, 0, heldLength);
	}
}
