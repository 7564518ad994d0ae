// Runs @pgkit/migra as its command line does (the 'run' function its CLI calls, with
// --unsafe) and prints the SQL, then exits at once: the CLI itself waits for its idle
// connection pools to time out, several seconds per diff that are not migra's work.
// usage: node migra-diff.js <folder with node_modules/@pgkit/migra> <from-url> <to-url>
'use strict';
const path = require('path');
const [installation, from, to] = process.argv.slice(2);
const migra = require(path.join(installation, 'node_modules', '@pgkit', 'migra', 'dist', 'command.js'));
migra.run(from, to, { unsafe: true }).then(
	(migration) => process.stdout.write(migration.sql, () => process.exit(0)),
	(error) => {
		process.stderr.write(String((error && error.stack) || error) + '\n', () => process.exit(1));
	});
