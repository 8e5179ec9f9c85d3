package org.tresor.scan;

/**
 * One file on its way through a scanner. Feeding never throws: a scanner that fails midway remembers why, and
 * {@link #verdict()} says so; the upload itself goes on until then.
 */
public interface FileScan extends AutoCloseable {

	void accept(byte[] bytes, int offset, int length);

	/** Waits for the scanner's answer on everything fed (at most the scanner's timeout). */
	ScanVerdict verdict();

	/** Lets go of the scanner; after a verdict, or instead of one when the upload failed. */
	@Override
	void close();
}
