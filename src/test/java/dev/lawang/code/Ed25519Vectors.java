package dev.lawang.code;

import java.util.List;

/**
 * The encodings of the points of small order on Ed25519, as listed with the edge-case vectors of C2SP's CCTV
 * (github.com/C2SP/CCTV, ed25519/README.md: "eight plus six alternative encodings"); Ed25519VectorsTest checks
 * that the eight are points of order dividing 8 and all different, and that the six do not decode.
 */
final class Ed25519Vectors {
    /** The canonical encodings: the identity, the point of order 2, two of order 4 and four of order 8. */
    static final List<String> SMALL_ORDER = List.of(
            "0100000000000000000000000000000000000000000000000000000000000000",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "0000000000000000000000000000000000000000000000000000000000000000",
            "0000000000000000000000000000000000000000000000000000000000000080",
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa");

    /** The non-canonical ones: x = 0 with the sign bit set, or y written as y + p. */
    static final List<String> NON_CANONICAL_SMALL_ORDER = List.of(
            "0100000000000000000000000000000000000000000000000000000000000080",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff");

    private Ed25519Vectors() {}
}
