package dev.lawang.code;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An issuing authority: an Ed25519 key pair that signs shared codes into the text of a QR symbol.
 *
 * <p>The key can be kept in a file: {@link #toPkcs8()} and {@link #toPem()} export the private key as PKCS#8 (DER or
 * PEM), {@link #fromPkcs8(byte[])} and {@link #fromPem(String)} read it back, and {@link #publicKeyPem()} gives the
 * public key to hand to verifiers. Neither {@link #toString()} nor any exception message reveals the private key.
 *
 * <p>Immutable and thread-safe.
 */
public final class Issuer {
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final long keyId;

    private Issuer(KeyPair pair) {
        this.privateKey = pair.getPrivate();
        this.publicKey = pair.getPublic();
        this.keyId = Ed25519.keyId(publicKey);
    }

    /**
     * Creates an issuer with a fresh random key pair.
     *
     * @return the issuer
     */
    public static Issuer generate() {
        return new Issuer(Ed25519.generate());
    }

    /**
     * Creates an issuer from an Ed25519 key pair.
     *
     * @param pair the key pair
     * @return the issuer
     * @throws IllegalArgumentException if the keys are not Ed25519 keys or do not belong together
     */
    public static Issuer of(KeyPair pair) {
        Objects.requireNonNull(pair, "pair");
        PrivateKey priv = Objects.requireNonNull(pair.getPrivate(), "private key");
        PublicKey pub = Objects.requireNonNull(pair.getPublic(), "public key");
        byte[] encoded = priv.getEncoded();
        if (encoded == null) {
            throw new IllegalArgumentException("the private key cannot be encoded as PKCS#8");
        }
        KeyPair derived = Ed25519.pairFromPkcs8(encoded);
        Arrays.fill(encoded, (byte) 0);
        if (!Arrays.equals(Ed25519.rawPublicKey(derived.getPublic()), Ed25519.rawPublicKey(pub))) {
            throw new IllegalArgumentException("the public key does not belong to the private key");
        }
        return new Issuer(new KeyPair(pub, priv));
    }

    /**
     * Reads an issuer's private key from its DER-encoded PKCS#8 form and derives the public key.
     *
     * @param der the PKCS#8 bytes
     * @return the issuer
     * @throws IllegalArgumentException if the bytes are not an Ed25519 private key
     */
    public static Issuer fromPkcs8(byte[] der) {
        return new Issuer(Ed25519.pairFromPkcs8(Objects.requireNonNull(der, "der").clone()));
    }

    /**
     * Reads an issuer's private key from a PEM block labelled {@code PRIVATE KEY} (PKCS#8), as written by
     * {@link #toPem()} or {@code openssl genpkey -algorithm ed25519}.
     *
     * @param pem the text holding the PEM block
     * @return the issuer
     * @throws IllegalArgumentException if there is no such block or it holds no Ed25519 private key
     */
    public static Issuer fromPem(String pem) {
        return new Issuer(Ed25519.pairFromPkcs8(Ed25519.fromPem(Objects.requireNonNull(pem, "pem"), "PRIVATE KEY")));
    }

    /**
     * Signs a code into the text of a QR symbol: {@code LW1:} followed by Base45 (docs/payload-format.md).
     *
     * @param code the code
     * @return the code text, upper case and QR-alphanumeric
     */
    public String sign(SharedCode code) {
        Objects.requireNonNull(code, "code");
        byte[] signed = PayloadV1.signedPart(code, Ed25519.keyIdBytes(keyId));
        return PayloadV1.text(signed, Ed25519.sign(privateKey, signed));
    }

    /**
     * Signs a code into its URL form: the code text after a web address, so that a phone's camera app opens a page.
     * The code text's space and percent sign are percent-encoded ({@code %20}, {@code %25}); everything else is kept.
     * A prefix in upper case keeps the whole text in the QR alphanumeric set.
     *
     * @param code the code
     * @param urlPrefix the address before the code text, starting with {@code https://}, such as
     *     {@code "HTTPS://CHECKIN.SRAGENKAB.GO.ID/C/"}
     * @return the URL
     * @throws IllegalArgumentException if the prefix is not an acceptable {@code https} prefix
     */
    public String signAsUrl(SharedCode code, String urlPrefix) {
        return CodeUrl.wrap(urlPrefix, sign(code));
    }

    /**
     * Grants a display the right to show rotating codes: signs a {@link DisplayGrant} binding the display's public key
     * to the site, the agencies and the window of a scope (docs/payload-format.md, version 2).
     *
     * @param displayKey the display's Ed25519 public key; not this issuer's own key
     * @param scope the site, the agencies (1 to {@value SharedCode#MAX_AGENCIES}) and the window of the grant; its
     *     id becomes the grant's id, and its issue time is not carried (a grant is issued at the start of its window)
     * @param step how long the display shows each code: whole seconds from 15 to 1024, such as
     *     {@link DisplayGrant#DEFAULT_STEP}
     * @return the grant
     * @throws IllegalArgumentException if the display key is not an Ed25519 key that can be trusted or is this
     *     issuer's key, or the step is out of range or not whole seconds
     */
    public DisplayGrant grantDisplay(PublicKey displayKey, SharedCode scope, Duration step) {
        Objects.requireNonNull(displayKey, "displayKey");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(step, "step");
        if (step.compareTo(DisplayGrant.MIN_STEP) < 0 || step.compareTo(DisplayGrant.MAX_STEP) > 0
                || !Duration.ofSeconds(step.toSeconds()).equals(step)) {
            throw new IllegalArgumentException("step " + step + " is not whole seconds from "
                    + DisplayGrant.MIN_STEP.toSeconds() + " to " + DisplayGrant.MAX_STEP.toSeconds());
        }
        byte[] raw = Ed25519.rawPublicKey(displayKey);
        String problem = Edwards25519.publicKeyProblem(raw);
        if (problem != null) {
            throw new IllegalArgumentException("the display key cannot be trusted: " + problem);
        }
        if (Arrays.equals(raw, Ed25519.rawPublicKey(publicKey))) {
            throw new IllegalArgumentException("the display key is the authority's own key; give the display a key"
                    + " of its own");
        }
        byte[] signed = PayloadV2.grantSignedPart(scope, (int) step.toSeconds(), raw, keyId);
        return DisplayGrant.parse(PayloadV2.text(PayloadV2.GRANT_PREFIX, signed, Ed25519.sign(privateKey, signed)));
    }

    /**
     * Returns the public key, for trust lists.
     *
     * @return the Ed25519 public key
     */
    public PublicKey publicKey() {
        return publicKey;
    }

    /**
     * Returns the key id that codes signed by this issuer carry: the first 8 bytes of SHA-256 over the raw public
     * key, as 16 lower-case hexadecimal digits.
     *
     * @return the key id
     */
    public String keyId() {
        return HexFormat.of().toHexDigits(keyId);
    }

    /**
     * Exports the private key as DER-encoded PKCS#8. Keep it secret.
     *
     * @return a fresh copy of the bytes
     */
    public byte[] toPkcs8() {
        return privateKey.getEncoded();
    }

    /**
     * Exports the private key as a PEM block labelled {@code PRIVATE KEY}. Keep it secret.
     *
     * @return the PEM text
     */
    public String toPem() {
        return Ed25519.pem("PRIVATE KEY", privateKey.getEncoded());
    }

    /**
     * Exports the public key as a DER-encoded X.509 SubjectPublicKeyInfo.
     *
     * @return a fresh copy of the bytes
     */
    public byte[] publicKeyX509() {
        return publicKey.getEncoded();
    }

    /**
     * Exports the public key as a PEM block labelled {@code PUBLIC KEY}.
     *
     * @return the PEM text
     */
    public String publicKeyPem() {
        return Ed25519.pem("PUBLIC KEY", publicKey.getEncoded());
    }

    @Override
    public String toString() {
        return "Issuer[keyId=" + keyId() + "]";
    }
}
