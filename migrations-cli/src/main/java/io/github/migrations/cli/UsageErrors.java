package io.github.migrations.cli;

import java.util.List;

import io.github.migrations.core.api.Secrets;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line that cannot be parsed, as one {@code error:} line and one {@code hint:}
 * line: what is wrong, and what to type instead. An unknown option is named without its
 * value and an unexpected argument is masked, so that a mistyped {@code --password=...}
 * or a URL given without {@code --url} never prints a password.
 */
final class UsageErrors {

	private UsageErrors() {
	}

	static String problem(ParameterException ex) {
		if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
			String first = unmatched.getUnmatched().get(0);
			if (first.startsWith("-")) {
				return "Unknown option '%s'.".formatted(optionName(first));
			}
			if (isTopLevel(ex)) {
				return "Unknown command '%s'.".formatted(Secrets.mask(first));
			}
			return "Unexpected argument '%s'.".formatted(Secrets.mask(first));
		}
		return Secrets.mask(String.valueOf(ex.getMessage()));
	}

	static String hint(ParameterException ex) {
		String help = "Run '%s --help' for the usage.".formatted(ex.getCommandLine().getCommandSpec().qualifiedName());
		if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
			String first = unmatched.getUnmatched().get(0);
			List<String> suggestions = unmatched.getSuggestions();
			if (!suggestions.isEmpty()) {
				return "Did you mean '%s'? %s".formatted(suggestions.get(0), help);
			}
			if (first.contains("://") && !first.startsWith("-")) {
				return "To name the database, write --url=<URL>. " + help;
			}
		}
		return help;
	}

	/**
	 * {@code --name} of {@code --name=value}: the value may be a secret.
	 */
	static String optionName(String argument) {
		int equals = argument.indexOf('=');
		return (equals >= 0) ? argument.substring(0, equals) : argument;
	}

	private static boolean isTopLevel(ParameterException ex) {
		return ex.getCommandLine().getParent() == null;
	}

}
