/**
 * Signed shared codes: one code for one site that covers one or more agencies.
 *
 * <p>An authority holding an Ed25519 key ({@link dev.lawang.code.Issuer}) signs a
 * {@link dev.lawang.code.SharedCode} (site, 1 to 64 agencies, validity window, issue time, random
 * {@link dev.lawang.code.CodeId}) into a compact text, {@code LW1:} followed by Base45, that fits a QR symbol in
 * alphanumeric mode (payload format v1, docs/payload-format.md). A {@link dev.lawang.code.Verifier} checks texts
 * offline against a {@link dev.lawang.code.TrustList}: the keys trusted now (several at once, so keys can be rotated)
 * and what has been revoked, single codes or every code of a site issued before a cut-off.
 * {@link dev.lawang.code.Verifier#check} returns a {@link dev.lawang.code.Verification}, the code or the
 * {@link dev.lawang.code.CodeException.Reason} it is refused for, without an exception;
 * {@link dev.lawang.code.Verifier#verify} throws a {@link dev.lawang.code.CodeException} instead. Each reason words
 * itself for people in one sentence ({@link dev.lawang.code.CodeException.Reason#sentence()}).
 */
@NullMarked
package dev.lawang.code;

import org.jspecify.annotations.NullMarked;
