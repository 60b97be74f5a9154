/**
 * Capacity rules and the occupancy ledger.
 *
 * <p>A {@link dev.lawang.capacity.CapacityPolicy} limits the people present at once per site and per agency, and the
 * admissions per local calendar day of the site's zone (daily quotas); each limit counts chosen
 * {@link dev.lawang.visit.Role}s. A {@link dev.lawang.capacity.LevelSchedule} of dated policy levels scales every
 * limit by a percentage, rounded down. An {@link dev.lawang.capacity.OccupancyLedger} holds the counts: it admits a
 * visitor against all applicable limits at once or refuses naming the limit, keeps one open visit per visitor,
 * releases and expires visits at most once, and reads an {@link dev.lawang.capacity.Occupancy} with its
 * {@link dev.lawang.capacity.CrowdLevel}. {@link dev.lawang.capacity.OccupancyLedger#inMemory} is the default ledger.
 * Sites and agencies are known here only by id, and each call names the site's time zone, which only the directory
 * holds. See {@code docs/capacity.md}.
 */
@NullMarked
package dev.lawang.capacity;

import org.jspecify.annotations.NullMarked;
