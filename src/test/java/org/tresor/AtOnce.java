package org.tresor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Requests released at the same moment, each from a thread of its own: how races are provoked. */
public final class AtOnce {

	private AtOnce() {
	}

	/** {@code copies} copies of {@code request}; their results in order. */
	public static <T> List<T> atOnce(int copies, Callable<T> request) throws Exception {
		return atOnce(Collections.nCopies(copies, request));
	}

	/** Each of {@code requests}; their results in order. */
	@SafeVarargs
	public static <T> List<T> atOnce(Callable<T>... requests) throws Exception {
		return atOnce(List.of(requests));
	}

	private static <T> List<T> atOnce(List<Callable<T>> requests) throws Exception {
		var barrier = new CyclicBarrier(requests.size());
		var threads = Executors.newFixedThreadPool(requests.size());
		try {
			var futures = new ArrayList<Future<T>>();
			for (var request : requests) {
				futures.add(threads.submit(() -> {
					barrier.await();
					return request.call();
				}));
			}
			var results = new ArrayList<T>();
			for (var future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			threads.shutdownNow();
		}
	}
}
