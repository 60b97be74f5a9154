/**
 * QR images: PNG and SVG symbols, printable posters, and reading codes back from images and photos.
 *
 * <p>{@link dev.lawang.qr.QrImages} draws symbols at error correction level M with a quiet zone of four modules, lays
 * out an A4 entrance poster from a {@link dev.lawang.qr.Poster}, and reads texts back from images, photos included.
 * This package works on strings and images only; it knows nothing of signatures, sites or agencies.
 */
@NullMarked
package dev.lawang.qr;

import org.jspecify.annotations.NullMarked;
