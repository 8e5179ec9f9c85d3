package org.tresor.parcel.web;

import java.util.List;
import java.util.stream.IntStream;

import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;

/** What the paging tests of every list (inbox, outbox) read from a page of the list fragment. */
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
}
