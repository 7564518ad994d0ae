/**
 * Spring Boot's test slices, each run the way an application's test runs it: the
 * migrations must run before the test and the beans it uses.
 */
package io.github.migrations.autoconfigure.slice;
