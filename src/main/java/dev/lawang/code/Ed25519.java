package dev.lawang.code;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Ed25519 keys through the JDK provider: encodings, key ids, signing and verifying.
 *
 * <p>Verification is the JDK's, cofactorless ({@code [S]B = R + [k]A}), on JDK 17 and 25 alike. The JDK refuses
 * {@code S >= L} and non-canonical or undecodable {@code R} by throwing, and accepts small-order {@code R} and
 * public keys of small order; {@link Edwards25519} makes the first refusals without an exception and adds the others
 * (docs/payload-format.md, "Ed25519").
 */
final class Ed25519 {
    /** DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519 (RFC 8410); the raw 32-byte key follows. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    static final int RAW_KEY_LENGTH = 32;
    /** Where Ed25519 comes from: a runtime image built with jlink must include that module. */
    private static final String MISSING = "; on a runtime image built with jlink, add the module jdk.crypto.ec";

    private Ed25519() {}

    static byte[] rawPublicKey(PublicKey key) {
        byte[] der = key.getEncoded();
        if (der == null || der.length != X509_PREFIX.length + RAW_KEY_LENGTH
                || !Arrays.equals(der, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
        }
        return Arrays.copyOfRange(der, X509_PREFIX.length, der.length);
    }

    /** The first 8 bytes of SHA-256 over the raw public key, as a big-endian long. */
    static long keyId(PublicKey key) {
        byte[] digest = sha256(rawPublicKey(key));
        long v = 0;
        for (int i = 0; i < PayloadV1.KEY_ID_LENGTH; i++) {
            v = (v << 8) | (digest[i] & 0xFF);
        }
        return v;
    }

    static byte[] keyIdBytes(long keyId) {
        byte[] out = new byte[PayloadV1.KEY_ID_LENGTH];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (keyId >>> (56 - 8 * i));
        }
        return out;
    }

    static PublicKey publicFromX509(byte[] der) {
        if (der.length != X509_PREFIX.length + RAW_KEY_LENGTH
                || !Arrays.equals(der, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new IllegalArgumentException(
                    "not an X.509 SubjectPublicKeyInfo for an Ed25519 key (" + der.length + " bytes)");
        }
        String problem = Edwards25519.publicKeyProblem(Arrays.copyOfRange(der, X509_PREFIX.length, der.length));
        if (problem != null) {
            throw new IllegalArgumentException("not an Ed25519 public key that can be trusted: " + problem);
        }
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a valid Ed25519 public key", e);
        }
    }

    /** The public key for 32 raw bytes that have passed {@link Edwards25519#publicKeyProblem}. */
    static PublicKey publicFromRaw(byte[] raw) {
        byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + RAW_KEY_LENGTH);
        System.arraycopy(raw, 0, der, X509_PREFIX.length, RAW_KEY_LENGTH);
        return publicFromX509(der);
    }

    /** Reads a PKCS#8 private key and derives its public key, so that the pair can sign and name its key id. */
    static KeyPair pairFromPkcs8(byte[] der) {
        PrivateKey key;
        try {
            key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // the cause is dropped on purpose: a parser's message may quote bytes of the secret key
            throw new IllegalArgumentException("not a PKCS#8 Ed25519 private key");
        }
        Optional<byte[]> seed = key instanceof EdECPrivateKey ed ? ed.getBytes() : Optional.empty();
        if (seed.isEmpty() || seed.get().length != RAW_KEY_LENGTH) {
            throw new IllegalArgumentException("not a PKCS#8 Ed25519 private key");
        }
        return pairFromSeed(seed.get());
    }

    /**
     * The key pair for a 32-byte private key seed (RFC 8032). The JDK has no call that derives an Ed25519 public key,
     * but its key pair generator draws exactly the 32 seed bytes from the random source it is given.
     */
    static KeyPair pairFromSeed(byte[] seed) {
        byte[] copy = seed.clone();
        SecureRandom fixed = new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                if (bytes.length != copy.length) {
                    throw new IllegalStateException("unexpected request for " + bytes.length + " random bytes");
                }
                System.arraycopy(copy, 0, bytes, 0, copy.length);
            }
        };
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, fixed);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK provides no Ed25519 key pair generator" + MISSING, e);
        } finally {
            Arrays.fill(copy, (byte) 0);
        }
    }

    static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK provides no Ed25519 key pair generator" + MISSING, e);
        }
    }

    static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /**
     * Verifies the signature in the last 64 bytes over the bytes before it with the JDK. The caller has checked the
     * key ({@link Edwards25519#publicKeyProblem}) and the signature ({@link Edwards25519#signatureProblem}), so the
     * JDK has nothing left to throw for; should it throw all the same, that is a signature that does not verify.
     */
    static boolean verify(PublicKey key, byte[] bytes, int signedLength) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(bytes, 0, signedLength);
            return signature.verify(bytes, signedLength, bytes.length - signedLength);
        } catch (SignatureException | InvalidKeyException e) {
            return false;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK provides no Ed25519 signature" + MISSING, e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK provides no SHA-256", e);
        }
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /** The DER bytes inside one PEM block with the given label; surrounding text and blank lines are ignored. */
    static byte[] fromPem(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin);
        int to = from < 0 ? -1 : pem.indexOf(end, from + begin.length());
        if (from < 0 || to < 0) {
            throw new IllegalArgumentException("no PEM block labelled '" + label + "'");
        }
        String body = pem.substring(from + begin.length(), to);
        try {
            return Base64.getMimeDecoder().decode(body.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM block labelled '" + label + "' is not valid Base64");
        }
    }
}
