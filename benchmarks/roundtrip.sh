#!/bin/sh
# Builds the round-trip harness, installs @pgkit/migra into benchmarks/target/migra when it is
# not there, and runs the harness on the histories named with --history NAME=FOLDER.
#   benchmarks/roundtrip.sh --history crates.io=/tmp/histories/crates.io/migrations --every 5
# Every option is passed on; see benchmarks/README.md ("Round trips") or '--help'.
set -eu
cd "$(dirname "$0")/.."
./mvnw -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests
if [ ! -f benchmarks/target/migra/node_modules/@pgkit/migra/package.json ]; then
	npm install --silent --no-audit --no-fund --prefix benchmarks/target/migra @pgkit/migra@0.6.1
fi
exec java -jar benchmarks/target/roundtrip.jar "$@"
