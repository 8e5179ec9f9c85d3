package org.tresor.parcel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FileNamesTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"report.pdf|report.pdf",
			"../../etc/passwd|passwd",
			"C:\\Users\\me\\scan.jpg|scan.jpg",
			"..|file",
			"''|file",
			"  .hidden  |hidden",
			"Ärztlicher Befund.pdf|Ärztlicher Befund.pdf" })
	void keepsOnlyASafeLastSegment(String raw, String expected) {
		assertThat(FileNames.forDisplay(raw)).isEqualTo(expected);
	}

	@Test
	void dropsControlAndDirectionCharacters() {
		assertThat(FileNames.forDisplay("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
		assertThat(FileNames.forDisplay("a\u0000b\r\nc.txt")).isEqualTo("abc.txt");
	}

	@Test
	void shortensLongNamesButKeepsTheExtension() {
		var name = FileNames.forDisplay("x".repeat(1000) + ".pdf");
		assertThat(name).hasSize(FileNames.MAX_LENGTH).endsWith("x.pdf");
	}

	@Test
	void nullBecomesTheFallback() {
		assertThat(FileNames.forDisplay(null)).isEqualTo(FileNames.FALLBACK);
	}
}
