package org.tresor.scan;

/** What a scan found. */
public sealed interface ScanVerdict {

	/** Scanned, and nothing was found. */
	record Clean() implements ScanVerdict {
	}

	/** Scanned, and the scanner named what it found ({@code Win.Test.EICAR_HDB-1}). */
	record Infected(String finding) implements ScanVerdict {
	}

	/** Scanning is off: nothing was looked at. */
	record NotScanned() implements ScanVerdict {
	}

	/** Scanning is on, but this file could not be scanned; nobody knows what it holds. */
	record Failed(Failure failure) implements ScanVerdict {
	}

	enum Failure {
		/** The scanner could not be reached, or broke off. */
		UNAVAILABLE,
		/** The scanner did not answer in time. */
		TIMEOUT,
		/** The file is larger than the scanner takes ({@code StreamMaxLength}). */
		TOO_LARGE
	}
}
