package io.github.migrations.benchmarks.runners;

import java.util.ArrayList;
import java.util.List;

/**
 * The arguments every runner takes: {@code <jdbc-url> <user> <location> [flags...]}, the
 * password in {@code PGPASSWORD} (empty with the benchmark's own server, which trusts
 * local connections). Every runner ends by printing {@code BENCH inprocess_ns=<n>} on
 * standard output: the time from just before it configures the tool to just after the
 * tool returns.
 *
 * @param url JDBC URL of the database to migrate
 * @param user database user
 * @param password database password, from {@code PGPASSWORD}
 * @param location folder (or file) of the workload in the tool's format
 * @param flags the remaining arguments
 */
record RunnerArgs(String url, String user, String password, String location, List<String> flags) {

	static RunnerArgs parse(String[] args, String usage) {
		if (args.length < 3) {
			System.err.println("usage: " + usage);
			System.exit(2);
		}
		String password = System.getenv("PGPASSWORD");
		List<String> flags = new ArrayList<>();
		for (int i = 3; i < args.length; i++) {
			flags.add(args[i]);
		}
		return new RunnerArgs(args[0], args[1], (password != null) ? password : "", args[2], flags);
	}

	boolean has(String flag) {
		return this.flags.contains(flag);
	}

	static void report(long startNanos) {
		long elapsed = System.nanoTime() - startNanos;
		System.out.println("BENCH inprocess_ns=" + elapsed);
		System.out.flush();
	}

}
