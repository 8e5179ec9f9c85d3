package org.tresor.scan;

/**
 * One file on its way through a scanner. Feeding never throws: a scanner that fails midway remembers why, and
 * {@link #verdict()} says so; the upload itself goes on until then.
 */
public interface FileScan extends AutoCloseable {

	void accept(byte[] bytes, int offset, int length);

	/**
	 * Whether the scan has already failed, so that its verdict will be {@link ScanVerdict.Failed}: an upload that
	 * refuses unscanned files can stop reading there.
	 */
	boolean failed();

	/** Waits for the scanner's answer on everything fed (at most the scanner's timeout). */
	ScanVerdict verdict();

	/** Lets go of the scanner; after a verdict, or instead of one when the upload failed. */
	@Override
	void close();
}
