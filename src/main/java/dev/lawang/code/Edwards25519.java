package dev.lawang.code;

import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * The checks on Ed25519 points and scalars that the library makes on top of the JDK's verification
 * (docs/payload-format.md, "Ed25519"): canonical encodings, small order, and the prime-order subgroup.
 *
 * <p>The arithmetic follows RFC 8032, section 5.1: the twisted Edwards curve {@code -x^2 + y^2 = 1 + d x^2 y^2} over
 * the field of {@code p = 2^255 - 19}, points in extended coordinates {@code (X, Y, Z, T)} with {@code x = X/Z},
 * {@code y = Y/Z}, {@code x y = T/Z}. It uses {@link BigInteger} and is not constant-time, which is sound here: every
 * value it sees is public (public keys and signatures), never a secret.
 */
final class Edwards25519 {
    static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
    /** The order of the prime-order subgroup: {@code 2^252 + 27742317777372353535851937790883648493}. */
    static final BigInteger L = BigInteger.ONE.shiftLeft(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));
    private static final BigInteger D = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    private static final BigInteger TWO_D = D.shiftLeft(1).mod(P);
    /** A square root of -1: {@code 2^((p - 1) / 4)}. */
    private static final BigInteger SQRT_M1 = BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);
    private static final BigInteger SQRT_EXPONENT = P.subtract(BigInteger.valueOf(5)).shiftRight(3);
    private static final int LENGTH = 32;
    private static final byte[] L_LITTLE_ENDIAN = littleEndian(L);

    /**
     * A point in extended coordinates. Immutable; one point has many representations, so there is no {@code equals}.
     */
    static final class Point {
        static final Point IDENTITY = new Point(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO);

        private final BigInteger x;
        private final BigInteger y;
        private final BigInteger z;
        private final BigInteger t;

        Point(BigInteger x, BigInteger y, BigInteger z, BigInteger t) {
            this.x = x;
            this.y = y;
            this.z = z;
            this.t = t;
        }

        boolean isIdentity() {
            return x.signum() == 0 && y.equals(z);
        }

        /** The unified addition of RFC 8032, section 5.1.4, complete on this curve. */
        Point plus(Point q) {
            BigInteger a = mul(y.subtract(x), q.y.subtract(q.x));
            BigInteger b = mul(y.add(x), q.y.add(q.x));
            BigInteger c = mul(mul(t, TWO_D), q.t);
            BigInteger d = mul(z.shiftLeft(1), q.z);
            BigInteger e = b.subtract(a);
            BigInteger f = d.subtract(c);
            BigInteger g = d.add(c);
            BigInteger h = b.add(a);
            return new Point(mul(e, f), mul(g, h), mul(f, g), mul(e, h));
        }

        /** Doubling, RFC 8032, section 5.1.4. */
        Point doubled() {
            BigInteger a = mul(x, x);
            BigInteger b = mul(y, y);
            BigInteger c = mul(z, z).shiftLeft(1);
            BigInteger h = a.add(b);
            BigInteger xy = x.add(y);
            BigInteger e = h.subtract(mul(xy, xy));
            BigInteger g = a.subtract(b);
            BigInteger f = c.add(g);
            return new Point(mul(e, f), mul(g, h), mul(f, g), mul(e, h));
        }

        /** {@code [n]} this point, by double-and-add from the most significant bit. */
        Point times(BigInteger n) {
            Point out = IDENTITY;
            for (int bit = n.bitLength() - 1; bit >= 0; bit--) {
                out = out.doubled();
                if (n.testBit(bit)) {
                    out = out.plus(this);
                }
            }
            return out;
        }

        /** Whether {@code [8]} this point is the identity: the point lies in the torsion subgroup of order 8. */
        boolean hasSmallOrder() {
            return doubled().doubled().doubled().isIdentity();
        }
    }

    private Edwards25519() {}

    private static BigInteger mul(BigInteger a, BigInteger b) {
        return a.multiply(b).mod(P);
    }

    /** The 255-bit little-endian integer in {@code bytes[at, at + 32)} with its top bit cleared. */
    private static BigInteger y(byte[] bytes, int at) {
        byte[] bigEndian = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            bigEndian[i] = bytes[at + LENGTH - 1 - i];
        }
        bigEndian[0] &= 0x7F;
        return new BigInteger(1, bigEndian);
    }

    private static boolean signBit(byte[] bytes, int at) {
        return (bytes[at + LENGTH - 1] & 0x80) != 0;
    }

    /**
     * Decodes the 32-byte point encoding at {@code bytes[at]} as RFC 8032, section 5.1.3 does, refusing what it
     * refuses: {@code y >= p}, an {@code x^2} with no square root, and {@code x = 0} with the sign bit set.
     *
     * @return the point, or null if the bytes are not the canonical encoding of a point on the curve
     */
    static @Nullable Point decode(byte[] bytes, int at) {
        BigInteger y = y(bytes, at);
        if (y.compareTo(P) >= 0) {
            return null;
        }
        BigInteger yy = mul(y, y);
        BigInteger u = yy.subtract(BigInteger.ONE).mod(P);
        BigInteger v = mul(D, yy).add(BigInteger.ONE).mod(P);
        BigInteger v3 = mul(mul(v, v), v);
        BigInteger x = mul(mul(u, v3), mul(u, mul(v3, mul(v3, v))).modPow(SQRT_EXPONENT, P));
        BigInteger vxx = mul(v, mul(x, x));
        if (!vxx.equals(u)) {
            if (!vxx.equals(P.subtract(u).mod(P))) {
                return null;
            }
            x = mul(x, SQRT_M1);
        }
        boolean sign = signBit(bytes, at);
        if (x.signum() == 0 && sign) {
            return null;
        }
        if (x.testBit(0) != sign) {
            x = P.subtract(x);
        }
        return new Point(x, y, BigInteger.ONE, mul(x, y));
    }

    /**
     * Says why a raw 32-byte public key must not be trusted, or returns null for a key that RFC 8032 key generation
     * can produce: the canonical encoding of a point on the curve in the subgroup of prime order {@link #L}.
     */
    static @Nullable String publicKeyProblem(byte[] raw) {
        Point a = decode(raw, 0);
        if (a == null) {
            return "it is not the canonical encoding of a point on the curve";
        }
        if (a.hasSmallOrder()) {
            return "it is a point of small order, for which signatures can be made without a private key";
        }
        if (!a.times(L).isIdentity()) {
            return "it is not in the subgroup of prime order (it has a small-order component)";
        }
        return null;
    }

    /**
     * Says why the 64-byte signature at {@code bytes[at]} is refused before any verification equation, or returns
     * null: {@code S} must be below {@link #L}, and {@code R} must be the canonical encoding of a point on the curve
     * that is not of small order.
     */
    static @Nullable String signatureProblem(byte[] bytes, int at) {
        if (!sBelowL(bytes, at + LENGTH)) {
            return "the signature's S is not below the group order L";
        }
        Point r = decode(bytes, at);
        if (r == null) {
            return "the signature's R is not the canonical encoding of a point on the curve";
        }
        if (r.hasSmallOrder()) {
            return "the signature's R is a point of small order";
        }
        return null;
    }

    /** Compares the little-endian 256-bit S with L, most significant byte first. */
    private static boolean sBelowL(byte[] bytes, int at) {
        byte[] l = L_LITTLE_ENDIAN;
        for (int i = LENGTH - 1; i >= 0; i--) {
            int s = bytes[at + i] & 0xFF;
            int bound = l[i] & 0xFF;
            if (s != bound) {
                return s < bound;
            }
        }
        return false;
    }

    private static byte[] littleEndian(BigInteger n) {
        byte[] bigEndian = n.toByteArray();
        byte[] out = new byte[LENGTH];
        for (int i = 0; i < LENGTH && i < bigEndian.length; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }
}
