/**
 * PostgreSQL storage for the occupancy ledger and the visit log, through plain JDBC.
 *
 * <p>Several application instances share one database; capacity guarantees hold across them.
 */
@NullMarked
package dev.lawang.jdbc;

import org.jspecify.annotations.NullMarked;
