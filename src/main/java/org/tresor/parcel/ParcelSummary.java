package org.tresor.parcel;

import java.time.Instant;
import java.util.List;

import org.springframework.context.MessageSourceResolvable;

/**
 * What a parcel's details page shows of it before the SecuPass opens it, the same for every flow: metadata
 * only, never a file name or the message.
 */
public interface ParcelSummary {

	/** The page's heading: a text in the reader's language, or what the sender typed as the subject. */
	MessageSourceResolvable heading();

	String senderEmail();

	/** When it reached Tresor. */
	Instant arrivedAt();

	/** When it is deleted unless someone deletes it earlier. */
	Instant expiresAt();

	int fileCount();

	long totalSize();

	/** The sizes of the files, in the order of the manifest that lists their names. */
	List<Long> fileSizes();

	/** Kept although no malware scan could check it. */
	boolean notScanned();
}
