package org.tresor.parcel;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.tresor.account.Accounts;
import org.tresor.account.UserId;
import org.tresor.crypto.Envelopes;
import org.tresor.crypto.FailureRecordingInputStream;
import org.tresor.crypto.IntegrityException;
import org.tresor.crypto.KeyPacket;
import org.tresor.crypto.SecuPass;
import org.tresor.crypto.UnlockedKey;
import org.tresor.crypto.WrongSecuPassException;
import org.tresor.storage.BlobStore;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reading stored parcels, the one reader of both flows: the SecuPass unlocks the reader's key for this one
 * call, which opens the manifest, one file or all as one ZIP (decrypted while they stream), or gives a part
 * as the OpenPGP message GnuPG decrypts. Callers have checked that the user may see the parcel. A part that
 * fails its integrity check, or whose key packet is damaged, is announced as {@link PartDamaged} (the audit
 * log records it) and refused with {@link PartDamagedException}.
 */
@Service
public class Parcels {

	private static final Logger log = LoggerFactory.getLogger(Parcels.class);

	private static final int BUFFER_SIZE = 1 << 16;

	private final Envelopes envelopes;

	private final BlobStore blobs;

	private final Accounts accounts;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	Parcels(Envelopes envelopes, BlobStore blobs, Accounts accounts, JsonMapper json,
			ApplicationEventPublisher events) {
		this.envelopes = envelopes;
		this.blobs = blobs;
		this.accounts = accounts;
		this.json = json;
		this.events = events;
	}

	/**
	 * The message and the file names.
	 * @throws SecuPassRefusedException if {@code secuPass} does not unlock the reader's key
	 */
	public Manifest open(Parcel parcel, UserId reader, String secuPass) throws IOException {
		return manifest(parcel, reader, unlock(reader, secuPass));
	}

	/** File {@code number} (from 1), decrypted while it streams. */
	public Download file(Parcel parcel, int number, UserId reader, String secuPass) throws IOException {
		var part = parcel.file(number).orElseThrow(PartNotReadableException::new);
		requireKeyPacket(part, reader);
		var key = unlock(reader, secuPass);
		var name = manifest(parcel, reader, key).files().get(number - 1).name();
		return new Download(name, part.plaintextSize(), out -> {
			try (var plaintext = decrypt(part, reader, key)) {
				copyVerified(plaintext, out);
			}
		});
	}

	/** All files as one ZIP under their names, each decrypted while it streams into the archive. */
	public Download zip(Parcel parcel, UserId reader, String secuPass) throws IOException {
		var files = parcel.files();
		files.forEach(part -> requireKeyPacket(part, reader));
		var key = unlock(reader, secuPass);
		var names = manifest(parcel, reader, key).files().stream().map(Manifest.FileEntry::name).toList();
		return new Download("Tresor-" + parcel.reference() + ".zip", Download.UNKNOWN_SIZE, out -> {
			var zip = new ZipOutputStream(out);
			zip.setLevel(Deflater.BEST_SPEED);
			var used = new HashSet<String>();
			for (int i = 0; i < files.size(); i++) {
				zip.putNextEntry(new ZipEntry(unique(names.get(i), used)));
				try (var plaintext = decrypt(files.get(i), reader, key)) {
					copyVerified(plaintext, zip);
				}
				zip.closeEntry();
			}
			zip.finish();
		});
	}

	/** File {@code number} as the OpenPGP message GnuPG decrypts: the reader's key packet, then the body. */
	public Download encrypted(Parcel parcel, int number, UserId reader) throws IOException {
		var part = parcel.file(number).orElseThrow(PartNotReadableException::new);
		var packet = keyPacket(part, reader);
		return new Download(parcel.reference() + "-" + number + ".pgp", packet.encoded().length + part.ciphertextSize(),
				out -> {
					try (var message = envelopes.encryptedMessage(packet, blobs.open(part.blob()))) {
						message.transferTo(out);
					}
				});
	}

	/**
	 * The SecuPass of {@code grantor} unlocks their key once, for granting access to parcels they can read.
	 * Unlock it before a transaction starts: Argon2 takes its time.
	 * @throws SecuPassRefusedException if it does not
	 */
	public Grants grantsOf(UserId grantor, String secuPass) {
		return new Grants(grantor, unlock(grantor, secuPass), envelopes, accounts);
	}

	/** Removes the parts' bodies; one that cannot be removed now is left for the sweeper, which finds it unreferenced. */
	public void remove(Collection<ParcelPart> parts) {
		for (var part : parts) {
			try {
				blobs.delete(part.blob());
			}
			catch (IOException e) {
				log.warn("Could not remove blob {}; the sweeper will", part.blob().value(), e);
			}
		}
	}

	/** Removes the parts' bodies; @return false if one of them could not be removed now (the caller retries) */
	public boolean removeNow(Collection<ParcelPart> parts) {
		for (var part : parts) {
			try {
				blobs.delete(part.blob());
			}
			catch (IOException e) {
				log.warn("Blob {} stays until the next try", part.blob().value(), e);
				return false;
			}
		}
		return true;
	}

	/** Removes bodies of parts that were stored but never recorded. */
	void removeBlobs(Collection<org.tresor.storage.BlobId> bodies) {
		for (var blob : bodies) {
			try {
				blobs.delete(blob);
			}
			catch (IOException e) {
				log.warn("Could not remove blob {}; the sweeper will", blob.value(), e);
			}
		}
	}

	private UnlockedKey unlock(UserId user, String secuPass) {
		try (var pass = SecuPass.of(secuPass)) {
			return accounts.unlock(user, pass);
		}
		catch (WrongSecuPassException e) {
			throw new SecuPassRefusedException(e);
		}
	}

	private Manifest manifest(Parcel parcel, UserId reader, UnlockedKey key) throws IOException {
		try (var plaintext = decrypt(parcel.manifest(), reader, key)) {
			return json.readValue(plaintext, Manifest.class);
		}
	}

	/**
	 * The part's plaintext. A failure to open it that storage did not cause (a damaged key packet, no
	 * integrity packet, a key packet of another key or body) is announced as damage, and so is a failed
	 * integrity check at its end.
	 */
	private InputStream decrypt(ParcelPart part, UserId reader, UnlockedKey key) throws IOException {
		var packet = keyPacket(part, reader);
		var body = new FailureRecordingInputStream(blobs.open(part.blob()));
		InputStream plaintext;
		try {
			plaintext = envelopes.decrypt(key, packet, body);
		}
		catch (IOException | RuntimeException e) {
			body.close();
			if (e instanceof IOException io && body.threw(io)) {
				throw io;
			}
			throw damaged(part, reader, e);
		}
		return new FilterInputStream(plaintext) {

			/** A damaged stream keeps failing; one report is enough. */
			private boolean reported;

			private IntegrityException damaged(IntegrityException e) {
				if (!reported) {
					reported = true;
					announceDamage(part, reader);
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

	/** The stored key packet of {@code reader}, decoded; one that does not decode is damage. */
	private KeyPacket keyPacket(ParcelPart part, UserId reader) throws PartDamagedException {
		var stored = requireKeyPacket(part, reader);
		try {
			return KeyPacket.ofBase64(stored);
		}
		catch (IllegalArgumentException e) {
			throw damaged(part, reader, e);
		}
	}

	private PartDamagedException damaged(ParcelPart part, UserId reader, Exception cause) {
		announceDamage(part, reader);
		return new PartDamagedException(cause);
	}

	private void announceDamage(ParcelPart part, UserId reader) {
		log.error("Blob {} failed its integrity check when user {} opened it", part.blob().value(), reader.value());
		events.publishEvent(new PartDamaged(part.blob(), reader));
	}

	private static String requireKeyPacket(ParcelPart part, UserId user) {
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
