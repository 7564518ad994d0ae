package io.github.migrations.cli;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import io.github.migrations.core.api.Secrets;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.SubstituteLoggerFactory;

/**
 * The PostgreSQL driver's own log records, masked, on the CLI's log output.
 * <p>
 * PgJDBC logs through {@code java.util.logging}, whose default handler prints WARNING and
 * SEVERE records on stderr as they are, and some of them quote the URL the driver was
 * given ({@code JDBC URL must contain a / at the end of the host or port: ...}, password
 * parameters included) or a piece of it. The CLI takes two measures, since neither is
 * enough alone: {@link DatabaseUrl} takes credentials out of the URL, and refuses a URL
 * whose user information it cannot place, before the driver sees it (a record that quotes
 * a piece of a password, {@code JDBC URL invalid port number: Leak@Me}, cannot be
 * recognised by any masking); and every record of the driver goes through
 * {@link Secrets#mask(String)} to SLF4J, at its level, instead of the default handler (a
 * rewritten message cannot be made safe after the fact by parsing stderr).
 */
final class DriverLogging {

	/**
	 * Held here because {@code java.util.logging} keeps loggers by weak reference: a
	 * configured logger that is collected comes back without its handler.
	 */
	private static final Logger DRIVER = Logger.getLogger("org.postgresql");

	private DriverLogging() {
	}

	/**
	 * Sends the driver's records to SLF4J, masked, and no longer to the default handler.
	 * Installing twice changes nothing.
	 */
	static synchronized void install() {
		for (Handler handler : DRIVER.getHandlers()) {
			if (handler instanceof MaskingHandler) {
				return;
			}
		}
		DRIVER.addHandler(new MaskingHandler());
		DRIVER.setUseParentHandlers(false);
	}

	/**
	 * Writes each record to the SLF4J logger of the same name, at the nearest level, with
	 * its message and its exception's description masked.
	 */
	static final class MaskingHandler extends Handler {

		private final SimpleFormatter formatter = new SimpleFormatter();

		@Override
		public void publish(LogRecord record) {
			if (!isLoggable(record)) {
				return;
			}
			awaitLogging();
			String name = (record.getLoggerName() != null) ? record.getLoggerName() : DRIVER.getName();
			org.slf4j.Logger logger = LoggerFactory.getLogger(name);
			String message = Secrets.mask(this.formatter.formatMessage(record)
					+ ((record.getThrown() != null) ? ": " + record.getThrown() : ""));
			int level = record.getLevel().intValue();
			if (level >= Level.SEVERE.intValue()) {
				logger.error(message);
			}
			else if (level >= Level.WARNING.intValue()) {
				logger.warn(message);
			}
			else if (level >= Level.INFO.intValue()) {
				logger.info(message);
			}
			else if (level >= Level.FINE.intValue()) {
				logger.debug(message);
			}
			else {
				logger.trace(message);
			}
		}

		/**
		 * Waits while SLF4J starts on the preinitializer's thread: until then it queues
		 * events to replay them once started, and a CLI that exits at once on a bad URL
		 * would lose them.
		 */
		private static void awaitLogging() {
			if (LoggerFactory.getILoggerFactory() instanceof SubstituteLoggerFactory) {
				BackgroundPreinitializer.awaitLogging();
			}
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	}

}
