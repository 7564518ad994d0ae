#!/bin/sh
# The startup tax of a migration tool in a Spring Boot application with 1,000 applied revisions:
# builds the engine, the starter and the four startup apps, then starts each in turn.
#   benchmarks/startup.sh              10 timed starts per variant (about 25 minutes on 2 busy cores)
#   benchmarks/startup.sh --runs 20    more starts for steadier medians
# The report goes to benchmarks/results/<date>-startup/ (report.md, raw.csv); see benchmarks/README.md
# or 'benchmarks/startup.sh --help'.
set -eu
cd "$(dirname "$0")/.."
./mvnw -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests
exec java -cp benchmarks/target/benchmarks.jar io.github.migrations.benchmarks.StartupMain "$@"
