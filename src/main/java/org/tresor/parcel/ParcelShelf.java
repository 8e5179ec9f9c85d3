package org.tresor.parcel;

import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.tresor.account.UserId;

/**
 * Where a flow keeps its parcels (the staff inbox, the recipient's received list): which one a reader may
 * open, what its page shows of it, and what the flow records when the reader opened or downloaded it.
 * Reading, the SecuPass and the downloads are parcel's; the flow only answers these.
 */
public interface ParcelShelf {

	/**
	 * What the list page shows: one page of the parcels {@code reader} may open, newest first, metadata only.
	 * A slice, not a page: no count over everything a reader ever got.
	 */
	Slice<?> entries(UserId reader, Pageable page);

	/**
	 * The parcel {@code reader} may open now.
	 * @throws RuntimeException the flow's "not found" if there is none, or not for them
	 */
	Parcel parcel(UUID id, UserId reader);

	/** What the details page shows without the SecuPass: metadata only. */
	ParcelSummary entry(UUID id, UserId reader);

	/** {@code reader} opened the parcel with their SecuPass. */
	default void opened(UUID id, UserId reader) {
	}

	/** A download of the parcel reached {@code reader} in full: {@code encrypted} if it was the .pgp. */
	void downloaded(UUID id, UserId reader, boolean encrypted);

	/**
	 * {@code reader} deletes the parcel from this shelf, confirmed (what goes with it is the flow's rule).
	 * @throws RuntimeException the flow's "not found" if there is none, or not for them
	 */
	void delete(UUID id, UserId reader);
}
