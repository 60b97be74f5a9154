/**
 * Signed shared codes: one code for one site that covers one or more agencies.
 *
 * <p>Codes are issued by an authority holding an Ed25519 key, carried as compact text in a QR symbol, verified offline
 * against a trust list, and revocable and rotatable.
 */
@NullMarked
package dev.lawang.code;

import org.jspecify.annotations.NullMarked;
