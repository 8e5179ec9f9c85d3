package org.tresor.parcel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.tresor.account.UserId;
import org.tresor.crypto.KeyPacket;
import org.tresor.storage.BlobId;

class ParcelTests {

	private final UserId reader = new UserId(UUID.randomUUID());

	@Test
	void numbersItsFilesFromOneInTheOrderTheyCameWhateverTheOrderOfItsParts() {
		var manifest = part(0, ParcelPart.Kind.MANIFEST, 10);
		var first = part(1, ParcelPart.Kind.FILE, 100);
		var second = part(2, ParcelPart.Kind.FILE, 200);

		var parcel = new Parcel("TR-1", List.of(second, manifest, first));

		assertThat(parcel.manifest()).isSameAs(manifest);
		assertThat(parcel.file(1)).containsSame(first);
		assertThat(parcel.file(2)).containsSame(second);
		assertThat(parcel.file(0)).isEmpty();
		assertThat(parcel.file(3)).isEmpty();
		assertThat(parcel.fileSizes()).containsExactly(100L, 200L);
		assertThat(parcel.totalSize()).isEqualTo(300);
	}

	@Test
	void opensOnlyForWhoHoldsAKeyPacketOfItsManifest() {
		var parcel = new Parcel("TR-2", List.of(part(0, ParcelPart.Kind.MANIFEST, 10)));

		assertThat(parcel.isReadableBy(reader)).isTrue();
		assertThat(parcel.isReadableBy(new UserId(UUID.randomUUID()))).isFalse();
		parcel.manifest().revoke(reader);
		assertThat(parcel.isReadableBy(reader)).isFalse();
	}

	@Test
	void grantingTwiceKeepsTheFirstKeyPacket() {
		var part = part(0, ParcelPart.Kind.MANIFEST, 10);
		var other = new UserId(UUID.randomUUID());

		part.grant(other, new KeyPacket(new byte[] { 1 }));
		part.grant(other, new KeyPacket(new byte[] { 2 }));

		assertThat(part.keyPacketFor(other)).contains(new KeyPacket(new byte[] { 1 }).base64());
	}

	private ParcelPart part(int position, ParcelPart.Kind kind, long size) {
		return new ParcelPart(position, kind, new StoredPart(new BlobId(UUID.randomUUID().toString()), size, size + 50,
				Map.of(reader, new KeyPacket(new byte[] { 9 })), false));
	}
}
