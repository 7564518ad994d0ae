package io.github.migrations.core.revision;

import java.util.List;

import org.junit.jupiter.api.Test;

import static io.github.migrations.core.revision.Revisions.graph;
import static io.github.migrations.core.revision.Revisions.ids;
import static io.github.migrations.core.revision.Revisions.list;
import static io.github.migrations.core.revision.Revisions.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Relative ends of a history range, on the line of Alembic's own history tests.
 */
class HistoryRangeTests {

	private final RevisionGraph line = graph(rev("a1"), rev("b2", "a1"), rev("c3", "b2"), rev("d4", "c3"));

	private List<RevisionId> between(String start, String end, String... current) {
		return new HistoryRange(this.line, ids(current)).between(start, end);
	}

	@Test
	void minusNAsTheStartCountsDownFromTheHead() {
		assertThat(between("-2", "d4")).isEqualTo(list("b2", "c3", "d4"));
		assertThat(between("-1", "current", "d4")).isEqualTo(list("c3", "d4"));
	}

	@Test
	void minusNFurtherThanTheHeadGoesCountsDownFromTheEndAndStopsAtBase() {
		assertThat(between("-5", "c3")).isEqualTo(list("a1", "b2", "c3"));
		assertThat(between("-4", "c3")).isEqualTo(list("a1", "b2", "c3"));
	}

	@Test
	void minusNThatStartsAboveTheEndFailsAndSaysHowToCountFromTheEnd() {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> between("-1", "current", "b2"))
			.withMessageContaining(
					"Range '-1:current' starts at 'c3', 1 below the head, which is not below its end 'b2'")
			.withMessageContaining("'b2-1:current'");
	}

	@Test
	void plusNAsTheEndCountsUpFromTheStartAndStopsAtTheHead() {
		assertThat(between("b2", "+1")).isEqualTo(list("b2", "c3"));
		assertThat(between("current", "+5", "b2")).isEqualTo(list("b2", "c3", "d4"));
		assertThat(between("", "+2")).isEqualTo(list("a1", "b2"));
	}

	@Test
	void currentAsTheStartOfADatabaseAtBaseStartsAtBase() {
		assertThat(between("current", "")).isEqualTo(list("a1", "b2", "c3", "d4"));
		assertThat(between("current", "+2")).isEqualTo(list("a1", "b2"));
		assertThat(between("current", "c3")).isEqualTo(list("a1", "b2", "c3"));
	}

	@Test
	void countsOnBothEndsFail() {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> between("-1", "+1"))
			.withMessageContaining("counts from both ends");
	}

}
