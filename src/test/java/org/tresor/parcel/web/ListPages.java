package org.tresor.parcel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;

/**
 * What the paging tests of every list (inbox, outbox) read from a page of the list fragment, and what they all
 * expect of it.
 */
public final class ListPages {

	private ListPages() {
	}

	/** The references shown on {@code page} that start with {@code prefix}, in the order shown. */
	public static List<String> references(HtmlPage page, String prefix) {
		return page.getByXPath("//tbody/tr/td[1]/span").stream()
			.map(cell -> ((HtmlElement) cell).asNormalizedText().split(" ")[0])
			.filter(reference -> reference.startsWith(prefix))
			.toList();
	}

	/** {@code prefix} followed by the four-digit numbers from {@code from} to {@code to} (exclusive). */
	public static List<String> numbered(String prefix, int from, int to) {
		return IntStream.range(from, to).mapToObj(i -> prefix + String.format("%04d", i)).toList();
	}

	/**
	 * What a list at {@code listUrl}, whose references start with {@code prefix} and are numbered from the newest,
	 * answers to page numbers it does not have: below 0 its first page, far past the end an empty page (saying
	 * {@code empty}) with a way back, a number that is not one the "invalid request" page with 400, never a trace.
	 */
	public static void assertPageNumbersOutOfRangeShowAPage(WebClient browser, String listUrl, String prefix,
			String empty) throws IOException {
		assertThat(references(browser.getPage(listUrl + "?page=-3"), prefix))
			.isEqualTo(numbered(prefix, 0, ParcelPages.PAGE_SIZE));

		HtmlPage farAway = browser.getPage(listUrl + "?page=" + Integer.MAX_VALUE);
		assertThat(farAway.getWebResponse().getStatusCode()).isEqualTo(200);
		assertThat(farAway.asNormalizedText()).contains(empty);
		assertThat(farAway.getByXPath("//a[@rel='prev']")).hasSize(1);

		browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
		var notANumber = browser.getPage(listUrl + "?page=two").getWebResponse();
		assertThat(notANumber.getStatusCode()).isEqualTo(400);
		assertThat(notANumber.getContentAsString()).contains("The request was invalid.").doesNotContain("Exception");
	}
}
