/**
 * Visitors (pseudonymous), visits and the visit log.
 *
 * <p>A visit records how it came in, its {@link dev.lawang.visit.EntryChannel}: a printed or rotating code, another
 * system's registered poster, or a walk-in at the desk. A visitor is known only by a keyed hash of their national
 * id; the raw id never enters the rest of the library.
 */
@NullMarked
package dev.lawang.visit;

import org.jspecify.annotations.NullMarked;
