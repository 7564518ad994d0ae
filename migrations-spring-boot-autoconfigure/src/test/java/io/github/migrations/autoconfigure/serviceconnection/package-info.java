/**
 * Service connections: Testcontainers and docker compose, with and without a Docker
 * engine.
 */
package io.github.migrations.autoconfigure.serviceconnection;
