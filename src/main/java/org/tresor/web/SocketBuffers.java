package org.tresor.web;

/**
 * The read and write buffer Tomcat gives every open connection on the heap, idle keep-alive ones included (see
 * {@code ServerConfiguration}): what a connection costs, for whoever sizes what fits next to them.
 */
public final class SocketBuffers {

	/** Each of the two buffers. */
	public static final int SIZE = 1 << 16;

	/** Heap one open connection holds. */
	public static final long HEAP_PER_CONNECTION = 2L * SIZE;

	private SocketBuffers() {
	}
}
