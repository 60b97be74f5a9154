package dev.lawang.code;

import dev.lawang.qr.QrImages;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * The display side of rotating codes: a screen at one site's door that, from its {@link DisplayGrant} and its own
 * private key, shows a new code every step, with no network (docs/payload-format.md, version 2).
 *
 * <p>The code for an instant {@code t} carries the step number {@code floor(t / S)} for the grant's step {@code S};
 * a gate accepts it within one step of its own clock and a skew allowance ({@link Verifier.Builder#skew}), so the
 * display's clock must be kept roughly right. Codes for instants outside the grant's window are made all the same
 * and do not verify. {@link #kioskPage(Instant)} is a whole HTML page for a kiosk browser, which a host serves and
 * the browser reloads at each new step. Neither {@link #toString()} nor any message reveals the private key.
 *
 * <p>Immutable and thread-safe.
 */
public final class Display {
    private final DisplayGrant grant;
    private final PrivateKey key;

    private Display(DisplayGrant grant, PrivateKey key) {
        this.grant = grant;
        this.key = key;
    }

    /**
     * Creates a display from its grant and its private key.
     *
     * @param grant the grant
     * @param displayKey the display's Ed25519 private key, the one whose public key the grant names
     * @return the display
     * @throws IllegalArgumentException if the key is not an Ed25519 private key or not the grant's display key
     */
    public static Display of(DisplayGrant grant, PrivateKey displayKey) {
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(displayKey, "displayKey");
        byte[] encoded = displayKey.getEncoded();
        if (encoded == null) {
            throw new IllegalArgumentException("the display key cannot be encoded as PKCS#8");
        }
        byte[] derived = Ed25519.rawPublicKey(Ed25519.pairFromPkcs8(encoded).getPublic());
        Arrays.fill(encoded, (byte) 0);
        if (!Arrays.equals(derived, Ed25519.rawPublicKey(grant.displayKey()))) {
            throw new IllegalArgumentException("the private key is not the display key of grant " + grant.id());
        }
        return new Display(grant, displayKey);
    }

    /**
     * Returns the display's grant.
     *
     * @return the grant
     */
    public DisplayGrant grant() {
        return grant;
    }

    /**
     * Returns the step number a code carries at an instant: {@code floor(t / S)}, with {@code t} in seconds since
     * 1970-01-01T00:00:00Z and {@code S} the grant's step in seconds.
     *
     * @param at the instant
     * @return the step number, 0 to 2^32 - 1
     * @throws IllegalArgumentException if the instant lies before 1970 or its step beyond 2^32 - 1
     */
    public long stepAt(Instant at) {
        Objects.requireNonNull(at, "at");
        long step = Math.floorDiv(at.getEpochSecond(), (long) grant.stepSeconds());
        if (step < 0 || step > SharedCode.MAX_EPOCH_SECOND) {
            throw new IllegalArgumentException("no rotating code has a step for " + at);
        }
        return step;
    }

    /**
     * Returns the code text the display shows at an instant.
     *
     * @param at the instant, by the display's clock
     * @return {@code LW2:} followed by Base45, 121 characters of the QR alphanumeric set
     * @throws IllegalArgumentException if the instant lies before 1970 or its step beyond 2^32 - 1
     */
    public String codeAt(Instant at) {
        byte[] signed = PayloadV2.codeSignedPart(grant.displayKeyIdValue(), stepAt(at));
        return PayloadV2.text(PayloadV2.CODE_PREFIX, signed, Ed25519.sign(key, signed));
    }

    /**
     * Returns the instant the display shows its next code after an instant.
     *
     * @param at the instant, by the display's clock
     * @return the start of the next step
     * @throws IllegalArgumentException if the instant lies before 1970 or its step beyond 2^32 - 1
     */
    public Instant nextChange(Instant at) {
        return Instant.ofEpochSecond((stepAt(at) + 1) * grant.stepSeconds());
    }

    /**
     * Draws the code shown at an instant as a PNG image ({@link QrImages#png}).
     *
     * @param at the instant, by the display's clock
     * @param sizePx the width and height in pixels
     * @return the PNG file's bytes
     * @throws IllegalArgumentException if the instant has no step, or {@code sizePx} is too small for the symbol
     */
    public byte[] png(Instant at, int sizePx) {
        return QrImages.png(codeAt(at), sizePx);
    }

    /**
     * Draws the code shown at an instant as an SVG document ({@link QrImages#svg}).
     *
     * @param at the instant, by the display's clock
     * @return the SVG document
     * @throws IllegalArgumentException if the instant has no step
     */
    public String svg(Instant at) {
        return QrImages.svg(codeAt(at));
    }

    /**
     * Returns a full-screen HTML page showing the code at an instant, for a kiosk browser: the symbol inline as SVG,
     * the site's id, and a refresh when the next step begins. It loads nothing else, so it works without a network
     * beyond the host that serves it.
     *
     * @param at the instant, by the display's clock
     * @return the HTML document
     * @throws IllegalArgumentException if the instant has no step
     */
    public String kioskPage(Instant at) {
        String svg = svg(at);
        String inline = svg.substring(svg.indexOf("<svg"));
        long untilNext = nextChange(at).toEpochMilli() - at.toEpochMilli();
        long refresh = Math.max(1, (untilNext + 999) / 1000);
        return "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"refresh\" content=\"" + refresh + "\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>Lawang " + grant.scope().site() + "</title>\n"
                + "<style>html,body{margin:0;height:100%;background:#fff;color:#000;font-family:sans-serif}"
                + "body{display:flex;flex-direction:column;align-items:center;justify-content:center}"
                + "svg{width:min(90vw,80vh);height:auto}p{font-size:3vh;margin:1vh}</style>\n"
                + "</head>\n<body>\n" + inline.replaceFirst(" width=\"\\d+\" height=\"\\d+\"", "")
                + "<p>Pindai untuk masuk / Scan to check in</p>\n<p>" + grant.scope().site() + "</p>\n"
                + "</body>\n</html>\n";
    }

    @Override
    public String toString() {
        return "Display[grant=" + grant.id() + ", site=" + grant.scope().site() + ", displayKeyId="
                + grant.displayKeyId() + "]";
    }
}
