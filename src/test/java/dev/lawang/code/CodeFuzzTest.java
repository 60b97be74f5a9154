package dev.lawang.code;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Hostile input for the Base45 decoder and the verifier: every input either decodes (verifies) or is refused with a
 * reason that fits it, {@link Verifier#check} throws nothing, and {@link Verifier#verify} throws nothing but a
 * {@link CodeException} with the same reason. The seed corpus under
 * {@code src/test/resources/dev/lawang/code/CodeFuzzTestInputs} replays in every test run.
 */
class CodeFuzzTest {
    private static final Issuer ISSUER = Issuer.fromPkcs8(HexFormat.of().parseHex(
            "302e020100300506032b657004220420" + "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
    private static final String PREFIX = "HTTPS://CHECKIN.SRAGENKAB.GO.ID/C/";
    private static final Verifier VERIFIER = Verifier.builder(TrustList.builder().trust(ISSUER.publicKey()).build())
            .urlPrefix(PREFIX).build();
    private static final String VALID = PayloadVectorsTest.V1.text();
    private static final byte[] VALID_PAYLOAD = Payloads.of(VALID);
    private static final Instant NOW = Instant.parse("2026-12-15T00:00:00Z");
    private static final DisplayGrant GRANT = DisplayGrant.parse(PayloadVectorsV2Test.GRANT_TEXT);
    private static final Verifier ROTATING = Verifier.of(TrustList.builder().trust(ISSUER.publicKey()).grant(GRANT)
            .build());
    private static final String VALID_ROTATING = PayloadVectorsV2Test.CODE_TEXT;
    private static final byte[] VALID_ROTATING_PAYLOAD = Base45.decode(VALID_ROTATING, 4, new Refusal());
    private static final Instant ROTATING_NOW = PayloadVectorsV2Test.CODE_AT;

    /** Any text either decodes to bytes that encode back to exactly that text, or is MALFORMED. */
    @FuzzTest(maxDuration = "30s")
    void base45Decode_acceptsOnlyCanonicalText(byte[] input) {
        String text = new String(input, StandardCharsets.ISO_8859_1);
        Refusal refusal = new Refusal();
        byte[] bytes = Base45.decode(text, 0, refusal);
        if (bytes != null) {
            assertThat(Base45.encode(bytes)).isEqualTo(text);
        } else {
            assertThat(refusal.rejected().reason()).isEqualTo(CodeException.Reason.MALFORMED);
        }
    }

    /**
     * The first byte picks how the rest becomes a text: raw, as a Base45 payload after the prefix, as a mask over a
     * valid payload, or in URL form. Only the unchanged valid code may verify.
     */
    @FuzzTest(maxDuration = "60s")
    void verify_endsInACodeOrACodeExceptionAndNothingElse(byte[] input) {
        String text = text(input);
        Verification outcome = VERIFIER.check(text, NOW);
        if (outcome instanceof Verification.Verified verified) {
            assertThat(text).isIn(VALID, PREFIX + VALID.replace("%", "%25").replace(" ", "%20"));
            assertThat(verified.code().site().value()).isEqualTo("setda-complex");
            assertThat(VERIFIER.verify(text, NOW)).isEqualTo(verified.code());
        } else {
            Verification.Rejected rejected = (Verification.Rejected) outcome;
            assertThat(rejected.reason()).isIn(CodeException.Reason.MALFORMED,
                    CodeException.Reason.UNSUPPORTED_VERSION, CodeException.Reason.UNKNOWN_KEY,
                    CodeException.Reason.BAD_SIGNATURE, CodeException.Reason.FOREIGN_CODE);
            assertThat(rejected.detail()).isNotBlank().hasSizeLessThan(400);
            try {
                VERIFIER.verify(text, NOW);
                throw new AssertionError("verify accepted what check refused: " + rejected);
            } catch (CodeException e) {
                assertThat(e.reason()).isEqualTo(rejected.reason());
                assertThat(e.getMessage()).isEqualTo(rejected.reason() + ": " + rejected.detail());
            }
        }
    }

    /**
     * Version 2: the first byte picks raw text after {@code LW2:}, Base45 of the rest after {@code LW2:}, a mask over
     * a valid rotating code, or a grant text built from the rest. Only the unchanged valid code may verify, and only
     * as its grant's scope; a grant text never verifies as a code.
     */
    @FuzzTest(maxDuration = "60s")
    void verifyRotating_endsInTheGrantsScopeOrARefusal(byte[] input) {
        String text = rotatingText(input);
        Verification outcome = ROTATING.check(text, ROTATING_NOW);
        if (outcome instanceof Verification.Verified verified) {
            assertThat(text).isEqualTo(VALID_ROTATING);
            assertThat(verified.code()).isEqualTo(GRANT.scope());
            assertThat(verified.channel()).isEqualTo(Verification.Channel.ROTATING_CODE);
        } else {
            Verification.Rejected rejected = (Verification.Rejected) outcome;
            assertThat(rejected.reason()).isIn(CodeException.Reason.MALFORMED, CodeException.Reason.UNKNOWN_KEY,
                    CodeException.Reason.BAD_SIGNATURE, CodeException.Reason.KEY_MISUSED,
                    CodeException.Reason.UNSUPPORTED_VERSION, CodeException.Reason.FOREIGN_CODE);
            assertThat(rejected.detail()).isNotBlank().hasSizeLessThan(400);
        }
        if (text.startsWith("LW2G:")) {
            try {
                DisplayGrant parsed = DisplayGrant.parse(text);
                assertThat(parsed.text()).isEqualTo(text);
            } catch (CodeException e) {
                assertThat(e.reason()).isEqualTo(CodeException.Reason.MALFORMED);
            }
        }
    }

    private static String rotatingText(byte[] input) {
        if (input.length == 0) {
            return "LW2:";
        }
        byte[] rest = Arrays.copyOfRange(input, 1, input.length);
        switch (input[0]) {
            case 0:
                return "LW2:" + new String(rest, StandardCharsets.ISO_8859_1);
            case 1:
                return "LW2:" + Base45.encode(rest);
            case 2: {
                byte[] masked = VALID_ROTATING_PAYLOAD.clone();
                for (int i = 0; i < rest.length && i < masked.length; i++) {
                    masked[i] ^= rest[i];
                }
                return "LW2:" + Base45.encode(masked);
            }
            default:
                return "LW2G:" + Base45.encode(rest);
        }
    }

    private static String text(byte[] input) {
        if (input.length == 0) {
            return "";
        }
        byte[] rest = Arrays.copyOfRange(input, 1, input.length);
        switch (input[0]) {
            case 0:
                return new String(rest, StandardCharsets.ISO_8859_1);
            case 1:
                return "LW1:" + Base45.encode(rest);
            case 2: {
                byte[] masked = VALID_PAYLOAD.clone();
                for (int i = 0; i < rest.length && i < masked.length; i++) {
                    masked[i] ^= rest[i];
                }
                return "LW1:" + Base45.encode(masked);
            }
            case 3:
                return PREFIX + new String(rest, StandardCharsets.ISO_8859_1);
            default:
                return new String(input, StandardCharsets.UTF_8);
        }
    }
}
