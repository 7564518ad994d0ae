package io.github.migrations.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A progress line on standard error stays one line, and whatever is written while it is
 * open starts on a line of its own.
 */
class ProgressLinesTests {

	private final ByteArrayOutputStream written = new ByteArrayOutputStream();

	private final ProgressLines err = ProgressLines.over(new PrintStream(this.written, true, StandardCharsets.UTF_8));

	@Test
	void aStepIsOneLine() {
		this.err.start("Upgrading to a1 ... ");
		this.err.finish("done in 5 ms");
		assertThat(text()).isEqualTo("Upgrading to a1 ... done in 5 ms\n");
	}

	@Test
	void aWarningWrittenMeanwhileStartsOnItsOwnLineAndTheStepIsFinishedOnANewOne() throws Exception {
		this.err.start("Upgrading to c3 ... ");
		Thread logger = new Thread(() -> this.err.println("[watch] WARN Revision 'c3' has been running for 10 s"));
		logger.start();
		logger.join();
		this.err.println("[main] WARN another");
		this.err.finish("done in 11578 ms");
		assertThat(text()).isEqualTo("""
				Upgrading to c3 ...\s
				[watch] WARN Revision 'c3' has been running for 10 s
				[main] WARN another
				Upgrading to c3 ... done in 11578 ms
				""");
	}

	@Test
	void anErrorAfterAnOpenLineStartsOnItsOwnLine() {
		this.err.start("Upgrading to b2 ... ");
		this.err.println("error: revision 'b2' failed");
		assertThat(text()).isEqualTo("Upgrading to b2 ... \nerror: revision 'b2' failed\n");
	}

	@Test
	void wrappingTwiceKeepsOneStream() {
		assertThat(ProgressLines.over(this.err)).isSameAs(this.err);
	}

	private String text() {
		return this.written.toString(StandardCharsets.UTF_8);
	}

}
