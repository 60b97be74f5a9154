/**
 * The check-in flow that embedding systems call.
 *
 * <p>A {@code Gate} decides a check-in from a scanned code, a visitor, the agency visited and the phone's position; it
 * composes the directory, the code verifier, the capacity policy, the occupancy ledger and the visit log.
 *
 * <p><b>Exceptions and I/O</b>, one rule for the whole library:
 * <ul>
 *   <li>Expected outcomes are values, not exceptions: a refused check-in is a {@link dev.lawang.Decision.Refused}, a
 *       refused admission an {@code Admission.Refused}, a code that does not verify on the gate's path a
 *       {@code Verification.Rejected}, what is wrong with a code request a list of {@code CodeRequest.Problem}s.</li>
 *   <li>Misuse throws the JDK's exceptions: {@link NullPointerException} naming the parameter,
 *       {@link IllegalArgumentException} for a bad value (naming it, unless it is a secret or personal data),
 *       {@link IllegalStateException} for a call in the wrong state.</li>
 *   <li>Malformed input read from outside throws a subclass of {@link dev.lawang.LawangException} that says where:
 *       {@code CodeException} (with its reason) for code texts, {@code DirectoryFileException} and
 *       {@code RequestBookFormatException} for files, {@code InvalidRequestException} for a request the book
 *       refuses.</li>
 *   <li>A failure of a {@code Reader}, {@code Writer}, stream or file the caller hands in is the checked
 *       {@link java.io.IOException} the stream threw, passed on unwrapped; methods that take one declare it.</li>
 *   <li>A failing database throws {@code DatabaseUnavailableException}, a {@link dev.lawang.LawangException}: the
 *       SPIs that a gate calls on every check-in cannot declare checked exceptions, and the caller can do nothing
 *       but retry later.</li>
 * </ul>
 * No message contains personal data or a secret.
 */
@NullMarked
package dev.lawang;

import org.jspecify.annotations.NullMarked;
