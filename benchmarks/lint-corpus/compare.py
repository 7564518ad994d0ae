#!/usr/bin/env python3
"""Precision and recall of `migrations lint` and of squawk on the labelled lint corpus, in one run.

The corpus is migrations-core/src/test/resources/lint-corpus: revision files whose statements each
carry a `-- expect: <rule>[, <rule>]` or `-- expect: ok` comment. Both tools lint the same files:
ours with `migrations lint --json` (the CLI jar), squawk with `--reporter json`, with
`--assume-in-transaction` for the transactional revisions (those without `-- transactional: false`).

Ours runs with app.migrations.lock-timeout=0, so that it sees the lock_timeout the files set and
nothing else, as squawk does. squawk's rules are mapped onto ours (MAPPING below); its other rules (statement_timeout, idempotency,
...) have no label in the corpus and are left out. A finding counts as a true positive when the
statement it points at is labelled with the (mapped) rule. `strong-lock-without-timeout` is about a
revision, not a statement: it is matched per file for both tools (squawk reports it on every
statement, ours on the first one).

`--corpus independent` measures the second corpus, independent-lint-corpus: statements from
real migration histories and the PostgreSQL docs, labelled before either tool ran on them
(LABELS.md says how). Labels we later thought wrong stay as committed; independent-corrections.txt
lists them with the reason, and the figures with those corrections are printed as extra rows.

Usage (from the repository root):
  rm -f migrations-cli/target/*.jar   # else the shade plugin may re-shade its old jar after a core change
  ./mvnw -B -o -pl migrations-cli -am package -DskipTests   # builds the CLI jar
  mkdir -p benchmarks/lint-corpus/target/squawk && (cd benchmarks/lint-corpus/target/squawk && npm install squawk-cli@2)
  python3 benchmarks/lint-corpus/compare.py [--corpus written|independent] [--details] [--jar PATH] \
      [--squawk "npx --prefix benchmarks/lint-corpus/target/squawk squawk"]
"""
import argparse
import glob
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
HERE = os.path.dirname(os.path.abspath(__file__))
RESOURCES = os.path.join(ROOT, "migrations-core", "src", "test", "resources")
CORPORA = {"written": os.path.join(RESOURCES, "lint-corpus"),
           "independent": os.path.join(RESOURCES, "independent-lint-corpus")}

MAPPING = {
    "require-concurrent-index-creation": "index-without-concurrently",
    "require-concurrent-index-deletion": "index-without-concurrently",
    "require-concurrent-reindex": "index-without-concurrently",
    "ban-concurrent-index-creation-in-transaction": "concurrently-in-transaction",
    "adding-field-with-default": "add-column-volatile-default",
    "adding-required-field": "add-column-not-null-without-default",
    "adding-not-nullable-field": "set-not-null-without-check",
    "changing-column-type": "column-type-change",
    "constraint-missing-not-valid": "constraint-without-not-valid",
    "adding-foreign-key-constraint": "constraint-without-not-valid",
    "disallowed-unique-constraint": "unique-without-index",
    "adding-serial-primary-key-field": "unique-without-index",
    "ban-drop-column": "drop-column",
    "ban-drop-table": "drop-table",
    "renaming-column": "rename-column",
    "renaming-table": "rename-table",
    "require-lock-timeout": "strong-lock-without-timeout",
    "prefer-bigint-over-int": "prefer-bigint-identity",
    "prefer-bigint-over-smallint": "prefer-bigint-identity",
    "prefer-identity": "prefer-bigint-identity",
    "prefer-timestamp-tz": "prefer-timestamptz",
    "prefer-text-field": "prefer-text",
    "ban-char-field": "ban-char",
    "ban-truncate-cascade": "truncate-table",
    "ban-drop-database": "drop-database",
    "require-concurrent-partition-detach": "detach-partition-without-concurrently",
    "ban-alter-domain-with-add-constraint": "domain-constraint-scan",
}

PER_FILE = {"strong-lock-without-timeout"}


def labels(path):
    """(statement start lines, {(file, line, rule)})."""
    name = os.path.basename(path)
    starts, expected = [], set()
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for number, line in enumerate(lines, start=1):
        m = re.match(r"\s*-- expect: (.*)$", line)
        if m:
            start = number + 1
            starts.append(start)
            for rule in [r.strip() for r in m.group(1).split(",")]:
                if rule != "ok":
                    expected.add(key(name, start, rule))
    return starts, expected


def key(name, line, rule):
    return (name, 0, rule) if rule in PER_FILE else (name, line, rule)


def statement_at(starts, line):
    """The start line of the statement holding `line` (1-based)."""
    found = None
    for start in starts:
        if start <= line:
            found = start
    return found


def ours(jar, corpus):
    # the files as they are, as squawk reads them: without the migrator's default lock_timeout
    with tempfile.NamedTemporaryFile("w", suffix=".properties", delete=False) as config:
        config.write("app.migrations.lock-timeout=0\n")
    result = subprocess.run(["java", "-jar", jar, "--locations", "filesystem:" + corpus, "--config", config.name,
                             "lint", "--json"], capture_output=True, text=True)
    os.unlink(config.name)
    if result.returncode not in (0, 1):
        sys.exit("migrations lint failed (%d): %s" % (result.returncode, result.stderr))
    found = set()
    for finding in json.loads(result.stdout)["findings"]:
        # a finding about a column points at the column's line; it counts for its statement
        found.add(key(os.path.basename(finding["file"]), finding["statement_line"], finding["rule"]))
    return found


def squawk(command, files, starts):
    found, unmapped = set(), Counter()
    for path in files:
        with open(path, encoding="utf-8") as f:
            transactional = "-- transactional: false" not in f.read()
        args = shlex.split(command) + ["--reporter", "json"]
        if transactional:
            args.append("--assume-in-transaction")
        result = subprocess.run(args + [path], capture_output=True, text=True)
        name = os.path.basename(path)
        for finding in json.loads(result.stdout or "[]"):
            rule = MAPPING.get(finding["rule_name"])
            if rule is None:
                unmapped[finding["rule_name"]] += 1
                continue
            start = statement_at(starts[name], finding["line"] + 1)  # squawk's lines start at 0
            found.add(key(name, start, rule))
    return found, unmapped


def corrected(expected, path):
    """The labels with the corrections of `path` applied: `file:line +rule` or `-rule`."""
    labels = set(expected)
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("|")[0].strip()
            if not line or line.startswith("#"):
                continue
            where, change = line.split()
            name, number = where.split(":")
            k = key(name, int(number), change[1:])
            if change.startswith("+"):
                labels.add(k)
            else:
                labels.discard(k)
    return labels


def score(found, expected):
    tp = len(found & expected)
    precision = tp / len(found) if found else 1.0
    recall = tp / len(expected) if expected else 1.0
    return tp, precision, recall


def main():
    parser = argparse.ArgumentParser()
    jars = sorted(glob.glob(os.path.join(ROOT, "migrations-cli", "target", "migrations-cli-*.jar")))
    parser.add_argument("--jar", default=jars[0] if jars else None)
    parser.add_argument("--squawk", default="npx --prefix %s squawk" % os.path.join(HERE, "target", "squawk"))
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="written")
    parser.add_argument("--details", action="store_true", help="list each false positive and missed label")
    args = parser.parse_args()
    corpus = CORPORA[args.corpus]
    if not args.jar:
        sys.exit("No CLI jar: run ./mvnw -B -o -pl migrations-cli -am package -DskipTests first.")
    files = sorted(glob.glob(os.path.join(corpus, "*.sql")))
    starts, expected = {}, set()
    for path in files:
        s, e = labels(path)
        starts[os.path.basename(path)] = s
        expected |= e
    version = subprocess.run(shlex.split(args.squawk) + ["--version"], capture_output=True, text=True).stdout.strip()
    ours_found = ours(args.jar, corpus)
    squawk_found, unmapped = squawk(args.squawk, files, starts)
    statements = sum(len(s) for s in starts.values())
    print("Corpus: %d files, %d statements, %d labelled findings" % (len(files), statements, len(expected)))
    print()
    print("| Tool | Findings | True positives | Precision | Recall |")
    print("| --- | ---: | ---: | ---: | ---: |")
    no_timeout = {k for k in expected if k[2] not in PER_FILE}
    # the rules squawk has a counterpart for, without the lock_timeout one (squawk cannot read the header)
    shared = set(MAPPING.values()) - PER_FILE
    shared_expected = {k for k in expected if k[2] in shared}
    rows = [("migrations lint", ours_found, expected), (version, squawk_found, expected),
            (version + " without the lock_timeout rule", {k for k in squawk_found if k[2] not in PER_FILE},
             no_timeout),
            ("migrations lint, only the rules squawk also has", {k for k in ours_found if k[2] in shared},
             shared_expected),
            (version + ", only the rules it has, without lock_timeout", {k for k in squawk_found if k[2] in shared},
             shared_expected)]
    corrections = os.path.join(HERE, args.corpus + "-corrections.txt")
    if os.path.exists(corrections):
        fixed = corrected(expected, corrections)
        rows += [("migrations lint, labels corrected (%s)" % os.path.basename(corrections), ours_found, fixed),
                 (version + ", labels corrected", squawk_found, fixed)]
    for name, found, exp in rows:
        tp, p, r = score(found, exp)
        print("| %s | %d | %d | %.1f %% | %.1f %% |" % (name, len(found), tp, p * 100, r * 100))
    print()
    print("Per rule (ours / squawk): true positives, false positives, missed")
    print()
    print("| Rule | Labelled | lint TP/FP/FN | squawk TP/FP/FN |")
    print("| --- | ---: | --- | --- |")
    rules = sorted({k[2] for k in expected} | {k[2] for k in ours_found | squawk_found})
    for rule in rules:
        exp = {k for k in expected if k[2] == rule}
        cells = []
        for found in (ours_found, squawk_found):
            f = {k for k in found if k[2] == rule}
            cells.append("%d / %d / %d" % (len(f & exp), len(f - exp), len(exp - f)))
        print("| `%s` | %d | %s | %s |" % (rule, len(exp), cells[0], cells[1]))
    print()
    print("squawk findings of rules with no counterpart (left out): " +
          ", ".join("%s %d" % (rule, n) for rule, n in sorted(unmapped.items())))
    if args.details:
        for name, found in (("migrations lint", ours_found), (version, squawk_found)):
            print()
            print("%s: false positives and missed labels (file, statement line, rule; line 0: per revision)" % name)
            print()
            for k in sorted(found - expected):
                print("- false positive `%s:%d` `%s`" % k)
            for k in sorted(expected - found):
                print("- missed `%s:%d` `%s`" % k)


if __name__ == "__main__":
    main()
