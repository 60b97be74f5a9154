/**
 * The offline kiosk: a front-desk device or an office's local server that keeps deciding while its link to the
 * central ledger is down.
 *
 * <p>Every decision the kiosk takes offline is written to its {@link dev.lawang.kiosk.Journal}, a local append-only
 * file, and forced to disk before the decision is answered, so a power cut loses no answered decision. Each record
 * is framed and checksummed (CRC-32C); on open, a record torn by a crash at the very end of the file is cut off, and
 * damage anywhere else is a {@link dev.lawang.kiosk.JournalException} that names the byte position. A record holds
 * only what the visit log holds: a visitor's pseudonym, ticket ids, site and agency ids, instants, the outcome and
 * the visit's entry channel, and for a check-in its code's id and issue time, for the centre's revocations.
 * docs/offline.md describes the file format byte by byte.
 *
 * <p>This package sits above the root package, whose decisions and refusal reasons it journals; nothing else in
 * the library depends on it.
 */
@NullMarked
package dev.lawang.kiosk;

import org.jspecify.annotations.NullMarked;
