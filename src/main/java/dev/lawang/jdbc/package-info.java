/**
 * PostgreSQL storage for the occupancy ledger and the visit log, through plain JDBC.
 *
 * <p>Several application instances share one database, and every capacity guarantee of
 * {@link dev.lawang.capacity.OccupancyLedger} holds across them: {@link dev.lawang.jdbc.JdbcLedger} checks each limit
 * inside a conditional update while holding the site's row lock, with the database's clock; {@link
 * dev.lawang.jdbc.JdbcVisitLog} keeps the visit record, {@link dev.lawang.jdbc.JdbcBookingStore} the bookings of
 * {@code dev.lawang.booking}, each quota check under the service-day's row lock. {@link dev.lawang.jdbc.JdbcSchema} ships the versioned SQL
 * schema both need, and {@link dev.lawang.jdbc.DatabaseUnavailableException} reports a database that failed. See
 * {@code docs/deployment-postgresql.md}.
 */
@NullMarked
package dev.lawang.jdbc;

import org.jspecify.annotations.NullMarked;
