package org.tresor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How nice (low in priority) Linux's scheduler takes a thread to be. */
public final class Niceness {

	private Niceness() {
	}

	/** The niceness of the thread that calls this, as Linux reports it (field 19 of its stat). */
	public static int ofThisThread() {
		try {
			var stat = Files.readString(Path.of("/proc/thread-self/stat"));
			return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
