/**
 * QR images: PNG and SVG symbols, printable posters, and reading codes back from images and photos.
 *
 * <p>This package works on strings and images only; it knows nothing of signatures.
 */
@NullMarked
package dev.lawang.qr;

import org.jspecify.annotations.NullMarked;
