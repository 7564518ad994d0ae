package io.github.migrations.benchmarks;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Properties;

/**
 * Everything the report says about how the figures were taken.
 */
record Environment(Properties versions, Map<String, String> server, String java, String psql, Path cliJar,
		Conditions before, Conditions after, LocalDateTime started, LocalDateTime finished,
		BenchmarkMain.Options options, String arguments, String commit) {

}
