package io.github.migrations.core.script;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChecksumsTests {

	private static final String FILE = "-- revision: a1\n-- down_revision: base\n\n-- +upgrade\nSELECT 1;\n";

	@Test
	void checksumIsTheLowercaseSha256OfTheNormalisedText() {
		assertThat(sha256("abc\r\n\r\n")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void normalisingRemovesByteOrderMarkLineEndingsTrailingWhitespaceAndTrailingBlankLines() {
		assertThat(normalise("\uFEFF  a \t\r\nb\rc  \n\n d\n \n\t\n")).isEqualTo("  a\nb\nc\n\n d");
	}

	@Test
	void lineEndingsDoNotChangeTheChecksum() {
		assertThat(sha256(FILE.replace("\n", "\r\n"))).isEqualTo(sha256(FILE));
		assertThat(sha256(FILE.replace("\n", "\r"))).isEqualTo(sha256(FILE));
	}

	@Test
	void trailingWhitespaceDoesNotChangeTheChecksum() {
		assertThat(sha256(FILE.replace("\n", " \t\n"))).isEqualTo(sha256(FILE));
	}

	@Test
	void byteOrderMarkDoesNotChangeTheChecksum() {
		assertThat(sha256("\uFEFF" + FILE)).isEqualTo(sha256(FILE));
	}

	@Test
	void trailingBlankLinesAndAMissingFinalNewlineDoNotChangeTheChecksum() {
		assertThat(sha256(FILE + "\n\n  \n")).isEqualTo(sha256(FILE));
		assertThat(sha256(FILE.strip())).isEqualTo(sha256(FILE));
	}

	@Test
	void anyOtherEditChangesTheChecksum() {
		String checksum = sha256(FILE);
		assertThat(sha256(FILE.replace("SELECT 1", "SELECT 2"))).isNotEqualTo(checksum);
		assertThat(sha256(FILE.replace("SELECT", " SELECT"))).isNotEqualTo(checksum);
		assertThat(sha256(FILE.replace("SELECT 1", "SELECT  1"))).isNotEqualTo(checksum);
		assertThat(sha256(FILE.replace("\n\n", "\n"))).isNotEqualTo(checksum);
		assertThat(sha256("\n" + FILE)).isNotEqualTo(checksum);
		assertThat(sha256(FILE.replace("SELECT", "select"))).isNotEqualTo(checksum);
	}

	@Test
	void trailingWhitespaceIsWhatJavaCallsWhitespaceOutsideAsciiToo() {
		assertThat(normalise("a\u3000\u2003\nb\u00A0\nc\u00E9\u1680\nd\uD83D\uDE00 \n"))
			.isEqualTo("a\nb\u00A0\nc\u00E9\nd\uD83D\uDE00");
	}

	@Test
	void checksumOfAFileThatIsOnlyWhitespaceIsThatOfAnEmptyFile() {
		assertThat(sha256(" \r\n\t\n")).isEqualTo(sha256(""));
	}

	private static String sha256(String text) {
		return Checksums.sha256(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String normalise(String text) {
		return new String(Checksums.normalise(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
	}

}
