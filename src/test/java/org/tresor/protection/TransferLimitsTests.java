package org.tresor.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.mock.web.MockHttpServletRequest;
import org.tresor.kernel.InvalidSettingException;

class TransferLimitsTests {

	@Test
	void admitsPerClientAndInTotalAndLetsTheNextOneInWhenOneEnds() {
		var limits = limits(10, 6, 2); // 4 at once, 2 per client
		var a1 = limits.tryStart("a").permit().orElseThrow();
		limits.tryStart("a").permit().orElseThrow();
		assertThat(limits.tryStart("a").refusal()).isEqualTo(TransferLimits.Refusal.CLIENT_BUSY);
		limits.tryStart("b").permit().orElseThrow();
		limits.tryStart("c").permit().orElseThrow();
		assertThat(limits.tryStart("d").refusal()).isEqualTo(TransferLimits.Refusal.SERVER_BUSY);
		// a refusal for the total takes nothing from the client's allowance
		assertThat(limits.tryStart("c").refusal()).isEqualTo(TransferLimits.Refusal.SERVER_BUSY);

		a1.close();
		a1.close(); // twice counts once
		assertThat(limits.tryStart("d").permit()).isPresent();
		assertThat(limits.tryStart("a").refusal()).isEqualTo(TransferLimits.Refusal.SERVER_BUSY);
	}

	@Test
	void transfersGetTheThreadsPagesDoNotKeep() {
		assertThat(limits(200, 40, 8).total()).isEqualTo(160);
	}

	@Test
	void transfersAtOnceAreWhatFitsInTheHeapBesideTheConnections() {
		// 512 MiB - 192 MiB for the application - 2000 × 128 KiB of socket buffers = 70 MiB, 1.5 MiB a transfer
		assertThat(withHeap(512L << 20).total()).isEqualTo(46);
		assertThat(withHeap(1L << 30).total()).isEqualTo(160);
	}

	@Test
	void anOperatorsMaximumReplacesTheHeapsShareButNotTheThreads() {
		assertThat(withHeap(new TransferProperties(40, 8, Duration.ofSeconds(30), 100), 256L << 20).total())
			.isEqualTo(100);
		assertThat(withHeap(new TransferProperties(40, 8, Duration.ofSeconds(30), 500), 256L << 20).total())
			.isEqualTo(160);
	}

	@Test
	void aHeapTooSmallForTheConnectionsStillLetsOneTransferThroughAtATime() {
		var limits = withHeap(256L << 20);

		assertThat(limits.total()).isEqualTo(1);
		limits.tryStart("a").permit().orElseThrow();
		assertThat(limits.tryStart("b").refusal()).isEqualTo(TransferLimits.Refusal.SERVER_BUSY);
	}

	@Test
	void refusesToStartWithoutThreadsForTransfersOrWithAPerClientLimitAboveTheTotal() {
		assertThatThrownBy(() -> limits(20, 20, 1)).isInstanceOf(InvalidSettingException.class)
			.hasMessageContaining("tresor.transfers.threads-for-pages")
			.hasMessageContaining("TRESOR_SERVER_THREADS");
		assertThatThrownBy(() -> limits(20, 15, 6)).isInstanceOf(InvalidSettingException.class)
			.hasMessageContaining("tresor.transfers.per-client");
	}

	@Test
	void countsUploadsAndDownloadsAsMvcRoutesThemNotPagesNorTheUploadForms() {
		var filter = new TransferLimitFilter(
				List.of(new TransferRoutes(List.of("/submit/t/{token}", "/outbox/new"),
						List.of("/inbox/{id}/files/{number}", "/inbox/{id}/encrypted/{number}"))),
				limits(10, 5, 2), null, properties(5, 2), null);
		assertThat(filter.isTransfer(request("POST", "/submit/t/abc"))).isTrue();
		assertThat(filter.isTransfer(request("POST", "/submit/%74/abc"))).isTrue();
		assertThat(filter.isTransfer(request("POST", "/submit/t/abc;jsessionid=1"))).isTrue();
		assertThat(filter.isTransfer(request("POST", "/outbox/new"))).isTrue();
		assertThat(filter.isTransfer(request("POST", "/inbox/6f1c/encrypted/2"))).isTrue();
		assertThat(filter.isTransfer(request("POST", "/inbox/6f1c/files/1"))).isTrue();
		assertThat(filter.isTransfer(request("GET", "/submit/t/abc"))).isFalse();
		assertThat(filter.isTransfer(request("GET", "/outbox/new"))).isFalse();
		assertThat(filter.isTransfer(request("GET", "/login"))).isFalse();
		assertThat(filter.isTransfer(request("POST", "/submit/info"))).isFalse();
		assertThat(filter.isTransfer(request("GET", "/inbox/6f1c"))).isFalse();
	}

	private static MockHttpServletRequest request(String method, String uri) {
		return new MockHttpServletRequest(method, uri);
	}

	private static TransferLimits limits(int threads, int threadsForPages, int perClient) {
		return new TransferLimits(properties(threadsForPages, perClient), server(threads), 4L << 30);
	}

	/** 200 threads, 40 of them for pages, 8 per client, 2000 connections. */
	private static TransferLimits withHeap(long maxHeap) {
		return withHeap(properties(40, 8), maxHeap);
	}

	private static TransferLimits withHeap(TransferProperties properties, long maxHeap) {
		var server = server(200);
		server.setMaxConnections(2000);
		return new TransferLimits(properties, server, maxHeap);
	}

	private static TomcatServerProperties server(int threads) {
		var server = new TomcatServerProperties();
		server.getThreads().setMax(threads);
		return server;
	}

	private static TransferProperties properties(int threadsForPages, int perClient) {
		return new TransferProperties(threadsForPages, perClient, Duration.ofSeconds(30), 0);
	}
}
