/**
 * Booked face-to-face service against the daily quota: a {@link dev.lawang.booking.Service} at a site and agency
 * with its daily places split into a booked-ahead channel and a walk-in channel, opening windows per day of the week,
 * and how many days ahead bookings open; {@link dev.lawang.booking.Booking}s that go from a hold that expires to a
 * confirmation, an arrival (a check-in at the gate) and service, or to a no-show or a cancellation; the
 * {@link dev.lawang.booking.BookingDesk} that decides each step against a holiday calendar and keeps every quota
 * through a {@link dev.lawang.booking.BookingStore}, in memory or in PostgreSQL ({@code dev.lawang.jdbc}). Each step
 * answers an {@link dev.lawang.booking.Outcome}: done, or refused with its reason; an arrival goes through the gate,
 * the desk's {@link dev.lawang.booking.Door}. Days and windows are local to the site's zone in the directory. See
 * {@code docs/appointments.md}.
 */
@NullMarked
package dev.lawang.booking;

import org.jspecify.annotations.NullMarked;
