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

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"C:scan.jpg|C_scan.jpg",
			"C:|C_",
			"report.pdf:Zone.Identifier|report.pdf_Zone.Identifier",
			"report.pdf::$DATA|report.pdf__$DATA",
			"what?*.txt|what__.txt" })
	void replacesDrivesStreamsAndCharactersWindowsRefuses(String raw, String expected) {
		assertThat(FileNames.forDisplay(raw)).isEqualTo(expected);
	}

	@Test
	void replacesRedirectionAndQuoteCharacters() {
		assertThat(FileNames.forDisplay("<a>|b\"c.txt")).isEqualTo("_a__b_c.txt");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"CON|_CON",
			"con.txt|_con.txt",
			"Nul.tar.gz|_Nul.tar.gz",
			"PRN|_PRN",
			"aux.pdf|_aux.pdf",
			"COM1|_COM1",
			"com9.log|_com9.log",
			"LPT1.txt|_LPT1.txt",
			"lpt9|_lpt9",
			"COM\u00B9.txt|_COM\u00B9.txt",
			"CON .txt|_CON .txt",
			"nul...|_nul",
			"CONOUT$|_CONOUT$",
			"CONTRACT.pdf|CONTRACT.pdf",
			"COM10.txt|COM10.txt",
			"my con.txt|my con.txt",
			"console|console" })
	void prefixesWindowsDeviceNamesWithOrWithoutExtension(String raw, String expected) {
		assertThat(FileNames.forDisplay(raw)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"report.pdf.|report.pdf",
			"report.pdf . .|report.pdf",
			"report\u00A0|report",
			"...|file" })
	void dropsTrailingDotsAndSpaces(String raw, String expected) {
		assertThat(FileNames.forDisplay(raw)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"..\u2215..\u2215etc\u2215passwd|_.._etc_passwd",
			"a\u2044b.txt|a_b.txt",
			"..\uFF0F..\uFF0Fx.txt|_.._x.txt",
			"a\u29F8b.txt|a_b.txt",
			"..\uFF3C..\uFF3Cx.bat|_.._x.bat",
			"a\uFE68b.txt|a_b.txt",
			"a\u2216b.txt|a_b.txt",
			"C\uFF1Ax.txt|C_x.txt",
			"a\uFE55b\uFF1Fc\uFF0A.txt|a_b_c_.txt" })
	void replacesLookAlikeSlashesAndFullwidthForbiddenCharacters(String raw, String expected) {
		assertThat(FileNames.forDisplay(raw)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"Ärztlicher Befund (Kopie) 2024-03.pdf",
			"Rechnung Nr. 17 & 18, März.pdf",
			"日本語のファイル.docx",
			"naïve café #1 ~ [draft] {v2}.txt",
			"résumé.tar.gz" })
	void keepsOrdinaryNamesAsTheyAre(String name) {
		assertThat(FileNames.forDisplay(name)).isEqualTo(name);
	}

	@Test
	void shortensLongNamesWithoutLeavingATrailingDot() {
		var name = FileNames.forDisplay("y".repeat(FileNames.MAX_LENGTH - 1) + ".".repeat(50) + "z".repeat(20));
		assertThat(name).isEqualTo("y".repeat(FileNames.MAX_LENGTH - 1));
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
