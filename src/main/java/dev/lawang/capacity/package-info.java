/**
 * Capacity rules and the occupancy ledger.
 *
 * <p>Limits on people present at once (per site and per agency), daily face-to-face quotas counted per local calendar
 * day, dated policy levels that scale nominal limits, and the ledger that admits and releases visits atomically.
 */
@NullMarked
package dev.lawang.capacity;

import org.jspecify.annotations.NullMarked;
