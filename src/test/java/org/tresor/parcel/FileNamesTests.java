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
			"..\\x|x",
			"..\\..\\windows\\system.ini|system.ini",
			"/etc/|file",
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

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"zero\u200Bwidth\u200D.txt|zerowidth.txt",
			"isolate\u2066d\u2069.txt|isolated.txt",
			"line\u2028para\u2029.txt|linepara.txt",
			"next\u0085line\u001B[31m.txt|nextline[31m.txt",
			"tab\there.txt|tabhere.txt",
			"\u0000\u0001\u202E|file",
			"\u0000..\u0000/passwd|passwd" })
	void dropsEveryInvisibleOrLineBreakingCharacter(String raw, String expected) {
		assertThat(FileNames.forDisplay(raw)).isEqualTo(expected);
	}

	@Test
	void shortensLongNamesWithoutExtensionOrInsideACharacter() {
		assertThat(FileNames.forDisplay("y".repeat(1000))).isEqualTo("y".repeat(FileNames.MAX_LENGTH));
		var emoji = FileNames.forDisplay("\uD83D\uDCC4".repeat(1000));
		assertThat(emoji.codePointCount(0, emoji.length())).isEqualTo(FileNames.MAX_LENGTH);
		assertThat(emoji).isEqualTo("\uD83D\uDCC4".repeat(FileNames.MAX_LENGTH));
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
