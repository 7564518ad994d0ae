package io.github.migrations.core.script;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChecksumsTests {

	private static final String FILE = "-- revision: a1\n-- down_revision: base\n\n-- +upgrade\nSELECT 1;\n";

	@Test
	void checksumIsTheLowercaseSha256OfTheNormalisedText() {
		assertThat(Checksums.sha256("abc\r\n\r\n"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void normalisingRemovesByteOrderMarkLineEndingsTrailingWhitespaceAndTrailingBlankLines() {
		assertThat(Checksums.normalise("\uFEFF  a \t\r\nb\rc  \n\n d\n \n\t\n")).isEqualTo("  a\nb\nc\n\n d");
	}

	@Test
	void lineEndingsDoNotChangeTheChecksum() {
		assertThat(Checksums.sha256(FILE.replace("\n", "\r\n"))).isEqualTo(Checksums.sha256(FILE));
		assertThat(Checksums.sha256(FILE.replace("\n", "\r"))).isEqualTo(Checksums.sha256(FILE));
	}

	@Test
	void trailingWhitespaceDoesNotChangeTheChecksum() {
		assertThat(Checksums.sha256(FILE.replace("\n", " \t\n"))).isEqualTo(Checksums.sha256(FILE));
	}

	@Test
	void byteOrderMarkDoesNotChangeTheChecksum() {
		assertThat(Checksums.sha256("\uFEFF" + FILE)).isEqualTo(Checksums.sha256(FILE));
	}

	@Test
	void trailingBlankLinesAndAMissingFinalNewlineDoNotChangeTheChecksum() {
		assertThat(Checksums.sha256(FILE + "\n\n  \n")).isEqualTo(Checksums.sha256(FILE));
		assertThat(Checksums.sha256(FILE.strip())).isEqualTo(Checksums.sha256(FILE));
	}

	@Test
	void anyOtherEditChangesTheChecksum() {
		String checksum = Checksums.sha256(FILE);
		assertThat(Checksums.sha256(FILE.replace("SELECT 1", "SELECT 2"))).isNotEqualTo(checksum);
		assertThat(Checksums.sha256(FILE.replace("SELECT", " SELECT"))).isNotEqualTo(checksum);
		assertThat(Checksums.sha256(FILE.replace("SELECT 1", "SELECT  1"))).isNotEqualTo(checksum);
		assertThat(Checksums.sha256(FILE.replace("\n\n", "\n"))).isNotEqualTo(checksum);
		assertThat(Checksums.sha256("\n" + FILE)).isNotEqualTo(checksum);
		assertThat(Checksums.sha256(FILE.replace("SELECT", "select"))).isNotEqualTo(checksum);
	}

}
