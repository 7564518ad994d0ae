package io.github.migrations.sample.invoice;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.github.migrations.sample.web.ApiProblems;

/**
 * An invoice's state, as the {@code ck_invoice_status} check allows it.
 */
enum InvoiceStatus {

	/**
	 * Found in a mailbox, not yet confirmed.
	 */
	DETECTED,

	/**
	 * Confirmed, not yet due.
	 */
	PENDING,

	/**
	 * Past its due date and not fully paid.
	 */
	OVERDUE,

	/**
	 * Paid in part.
	 */
	PARTIAL,

	/**
	 * Paid in full.
	 */
	PAID;

	/**
	 * The value stored in {@code invoices.status}.
	 */
	String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Reads a status given by a client, answering a 400 that lists the statuses when it
	 * is none.
	 */
	static InvoiceStatus parse(String field, String value) {
		return Arrays.stream(values())
			.filter((status) -> status.value().equals(value))
			.findFirst()
			.orElseThrow(() -> ApiProblems.badRequest(field, "must be one of %s, not '%s'".formatted(list(), value)));
	}

	private static String list() {
		return Arrays.stream(values()).map(InvoiceStatus::value).collect(Collectors.joining(", "));
	}

}
