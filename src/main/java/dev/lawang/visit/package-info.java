/**
 * Visitors (pseudonymous), visits and the visit log.
 *
 * <p>A visitor is known only by a keyed hash of their national id; the raw id never enters the rest of the library.
 */
@NullMarked
package dev.lawang.visit;

import org.jspecify.annotations.NullMarked;
