/**
 * Metrics for Micrometer: what a gate decides, how long it takes, how full the sites are, how often the verify cache
 * saves a signature check and how often PostgreSQL calls are repeated.
 *
 * <p>{@link dev.lawang.micrometer.LawangMetrics} is a {@link dev.lawang.GateListener} the host gives to its gate; it
 * counts and times events as they happen. The host then binds what is read when the registry is scraped: the
 * verifier's cache counts, the JDBC stores' retries, and, for the sites it names, the occupancy gauges, each a read
 * of the gate. Tags carry outcomes, reasons, kinds and causes, never a visitor's pseudonym, ticket, code or position.
 *
 * <p>Micrometer ({@code io.micrometer:micrometer-core}) is an optional dependency: the module requires it statically,
 * only this package refers to it, and a host that does not publish metrics needs nothing of it. See
 * {@code docs/metrics.md}.
 */
@NullMarked
package dev.lawang.micrometer;

import org.jspecify.annotations.NullMarked;
