package io.github.migrations.core.revision;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TargetTests {

	@Test
	void parsesEveryFormAlembicSpells() {
		assertThat(Target.parse("head")).isEqualTo(new Target.Head());
		assertThat(Target.parse("heads")).isEqualTo(new Target.Heads());
		assertThat(Target.parse("base")).isEqualTo(new Target.Base());
		assertThat(Target.parse("ae10")).isEqualTo(new Target.Named("ae10"));
		assertThat(Target.parse("001_initial")).isEqualTo(new Target.Named("001_initial"));
		assertThat(Target.parse("+2")).isEqualTo(new Target.Relative(2));
		assertThat(Target.parse("-1")).isEqualTo(new Target.Relative(-1));
		assertThat(Target.parse("ae10+2")).isEqualTo(new Target.RelativeTo("ae10", 2));
		assertThat(Target.parse("ae10-1")).isEqualTo(new Target.RelativeTo("ae10", -1));
		assertThat(Target.parse("shop@head")).isEqualTo(new Target.BranchHead("shop"));
		assertThat(Target.parse("shop@heads")).isEqualTo(new Target.BranchHeads("shop"));
		assertThat(Target.parse("shop@base")).isEqualTo(new Target.BranchBase("shop"));
		assertThat(Target.parse("shop@+1")).isEqualTo(new Target.BranchRelative("shop", 1));
		assertThat(Target.parse("shop@-2")).isEqualTo(new Target.BranchRelative("shop", -2));
		assertThat(Target.parse("shop@ae10")).isEqualTo(new Target.BranchRevision("shop", "ae10", 0));
		assertThat(Target.parse("shop@head-1")).isEqualTo(new Target.BranchRevision("shop", "head", -1));
		assertThat(Target.parse("shop@ae10+2")).isEqualTo(new Target.BranchRevision("shop", "ae10", 2));
		assertThat(Target.parse("heads-1")).isEqualTo(new Target.RelativeTo("heads", -1));
	}

	@Test
	void printsBackAsParsed() {
		for (String text : new String[] { "head", "heads", "base", "ae10", "+2", "-1", "ae10+2", "ae10-1", "shop@head",
				"shop@heads", "shop@base", "shop@+1", "shop@-2", "shop@ae10", "shop@head-1", "shop@ae10+2",
				"heads-1" }) {
			assertThat(Target.parse(text)).hasToString(text);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "+0", "-0", "-x", "head-", "a b", "", "x@", "@head", "shop@top+", "shop@@head", "ae10+" })
	void rejectsWhatIsNotATargetAndShowsTheGrammar(String text) {
		assertThatExceptionOfType(TargetException.class).isThrownBy(() -> Target.parse(text))
			.withMessageStartingWith("'" + text + "' is not a valid target")
			.withMessageContaining("Use 'head', 'heads', 'base'");
	}

}
