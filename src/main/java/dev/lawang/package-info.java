/**
 * The check-in flow that embedding systems call.
 *
 * <p>A {@code Gate} decides a check-in from a scanned code, a visitor, the agency visited and the phone's position; it
 * composes the directory, the code verifier, the capacity policy, the occupancy ledger and the visit log. All
 * library exceptions extend {@link dev.lawang.LawangException}.
 */
@NullMarked
package dev.lawang;

import org.jspecify.annotations.NullMarked;
