#!/bin/sh
# Builds the engine, the CLI and the benchmark jars, then runs the benchmark.
#   benchmarks/run.sh --quick      W1 with N=100 and N=1000, and W2, 3 runs each (10–13 minutes)
#   benchmarks/run.sh              the full run: W1 with N=100, 1000, 5000 and W2
# Every other option is passed on; see benchmarks/README.md or 'benchmarks/run.sh --help'.
set -eu
cd "$(dirname "$0")/.."
./mvnw -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests
exec java -jar benchmarks/target/benchmarks.jar "$@"
