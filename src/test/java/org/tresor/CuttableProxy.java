package org.tresor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP relay on the loopback address in front of the test server whose connections can be cut, as when a
 * phone loses its signal in the middle of an upload, or in front of a database server, as when the network to
 * it breaks. While cut, new connections are reset at once.
 */
public final class CuttableProxy implements AutoCloseable {

	private final ServerSocket server;

	private final int target;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
		var thread = new Thread(task, "cuttable-proxy");
		thread.setDaemon(true);
		return thread;
	});

	private volatile boolean connected = true;

	public CuttableProxy(int target) {
		this.target = target;
		try {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		threads.execute(this::accept);
	}

	/** The address of {@code path} through this relay. */
	public String url(String path) {
		return "http://127.0.0.1:" + server.getLocalPort() + path;
	}

	/** The relay's port on the loopback address, for a client that is no browser (a database driver). */
	public int port() {
		return server.getLocalPort();
	}

	/** Resets every open connection and refuses new ones until {@link #restore()}. */
	public void cut() {
		connected = false;
		sockets.forEach(CuttableProxy::reset);
		sockets.clear();
	}

	public void restore() {
		connected = true;
	}

	@Override
	public void close() throws IOException {
		server.close();
		cut();
		threads.shutdownNow();
	}

	private void accept() {
		while (!server.isClosed()) {
			try {
				var client = server.accept();
				if (!connected) {
					reset(client);
					continue;
				}
				Socket upstream;
				try {
					upstream = new Socket(InetAddress.getLoopbackAddress(), target);
				}
				catch (IOException e) {
					reset(client); // nobody listens behind the relay: refused, as without it
					continue;
				}
				sockets.add(client);
				sockets.add(upstream);
				threads.execute(() -> relay(client, upstream));
				threads.execute(() -> relay(upstream, client));
			}
			catch (IOException e) {
				// the server socket was closed, or one connection failed: the others go on
			}
		}
	}

	private void relay(Socket from, Socket to) {
		try {
			from.getInputStream().transferTo(to.getOutputStream());
		}
		catch (IOException e) {
			// cut, or closed by either side
		}
		finally {
			sockets.remove(from);
			sockets.remove(to);
			close(from);
			close(to);
		}
	}

	private static void close(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException e) {
			// already gone
		}
	}

	/** Closes with a TCP reset rather than an orderly end, like a connection that breaks. */
	private static void reset(Socket socket) {
		try {
			socket.setSoLinger(true, 0);
			socket.close();
		}
		catch (IOException e) {
			// already gone
		}
	}
}
