package dev.lawang.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.code.CodeException.Reason;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.qr.QrImages;
import dev.lawang.testing.Sragen;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RotatingCodeTest {
    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");
    /** A whole minute, so the start of a 60-second step. */
    private static final Instant NOW = Instant.parse("2026-12-15T09:30:00Z");
    private static final Issuer AUTHORITY = Issuer.of(Ed25519.pairFromSeed(HexFormat.of().parseHex(
            "a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0")));
    private static final KeyPair SCREEN = Ed25519.pairFromSeed(HexFormat.of().parseHex(
            "0101010101010101010101010101010101010101010101010101010101010101"));
    private static final SharedCode SCOPE = SharedCode.builder(Sragen.SETDA).covering(Sragen.SETDA_UNITS)
            .id(CodeId.parse("00112233445566778899aabbccddeeff")).validFrom(FROM).validUntil(UNTIL).build();
    private static final DisplayGrant GRANT = AUTHORITY.grantDisplay(SCREEN.getPublic(), SCOPE,
            DisplayGrant.DEFAULT_STEP);
    private static final TrustList TRUST = TrustList.builder().trust(AUTHORITY.publicKey()).grant(GRANT).build();
    private static final Display DISPLAY = Display.of(GRANT, SCREEN.getPrivate());

    private final Verifier verifier = Verifier.of(TRUST);

    private Verification check(String text, Instant at) {
        return verifier.check(text, at);
    }

    private static Verification.Rejected rejected(Verification outcome) {
        assertThat(outcome).isInstanceOf(Verification.Rejected.class);
        return (Verification.Rejected) outcome;
    }

    @Test
    void check_admitsTheDisplaysCurrentCodeAsItsGrantsScope() {
        Verification outcome = check(DISPLAY.codeAt(NOW), NOW.plusSeconds(5));

        assertThat(outcome).isEqualTo(new Verification.Verified(SCOPE, Verification.Channel.ROTATING_CODE));
    }

    @Test
    void check_admitsAScanAtAStepBoundary() {
        String lastOfStep = DISPLAY.codeAt(NOW.minusMillis(1));

        assertThat(check(lastOfStep, NOW)).isInstanceOf(Verification.Verified.class);
        assertThat(check(DISPLAY.codeAt(NOW), NOW.minusMillis(1))).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void check_admitsWithinOneStepAndTheSkewAndNoFurther() {
        String code = DISPLAY.codeAt(NOW);
        // step n is shown in [NOW, NOW + 60 s): accepted in [NOW - 60 s - 30 s, NOW + 120 s + 30 s)
        assertThat(check(code, NOW.minusSeconds(90))).isInstanceOf(Verification.Verified.class);
        assertThat(rejected(check(code, NOW.minusSeconds(90).minusMillis(1))).reason())
                .isEqualTo(Reason.FROM_THE_FUTURE);
        assertThat(check(code, NOW.plusSeconds(150).minusMillis(1))).isInstanceOf(Verification.Verified.class);
        assertThat(rejected(check(code, NOW.plusSeconds(150))).reason()).isEqualTo(Reason.STALE);
    }

    @Test
    void check_refusesARelayedPhotoFiveMinutesOldAsStaleAndSaysHowOld() {
        String photo = DISPLAY.codeAt(NOW);

        Verification.Rejected refused = rejected(check(photo, NOW.plus(Duration.ofMinutes(5))));

        assertThat(refused.reason()).isEqualTo(Reason.STALE);
        assertThat(refused.detail()).contains("was shown until 2026-12-15T09:31:00Z, 240 s before the gate's clock")
                .contains("240 to 300 s behind");
    }

    @Test
    void check_refusesTheCodeOfADisplayTwoMinutesFastAndSaysByHowMuch() {
        String fast = DISPLAY.codeAt(NOW.plus(Duration.ofMinutes(2)));

        Verification.Rejected refused = rejected(check(fast, NOW));

        assertThat(refused.reason()).isEqualTo(Reason.FROM_THE_FUTURE);
        assertThat(refused.detail()).contains("seems 120 to 180 s ahead of the gate's")
                .contains("one step of 60 s and a skew of 30.0 s");
    }

    @Test
    void check_refusesStepsFarInThePastOrFuture() {
        assertThat(rejected(check(DISPLAY.codeAt(Instant.EPOCH), NOW)).reason()).isEqualTo(Reason.STALE);
        assertThat(rejected(check(DISPLAY.codeAt(Instant.ofEpochSecond(0xFFFF_FFFFL * 60)), NOW)).reason())
                .isEqualTo(Reason.FROM_THE_FUTURE);
    }

    @Test
    void check_refusesAReScanOfACachedCodeOnceItIsStale() {
        String code = DISPLAY.codeAt(NOW);
        assertThat(check(code, NOW)).isInstanceOf(Verification.Verified.class);
        long misses = verifier.cacheMisses();

        assertThat(check(code, NOW.plusSeconds(10))).isInstanceOf(Verification.Verified.class);
        assertThat(rejected(check(code, NOW.plus(Duration.ofMinutes(5)))).reason()).isEqualTo(Reason.STALE);
        assertThat(verifier.cacheMisses()).isEqualTo(misses);
        assertThat(verifier.cacheHits()).isEqualTo(2);
    }

    @Test
    void skew_widensTheWindowOfAcceptance() {
        Verifier lenient = Verifier.builder(TRUST).skew(Duration.ofMinutes(2)).build();
        String fast = DISPLAY.codeAt(NOW.plus(Duration.ofMinutes(2)));

        assertThat(lenient.check(fast, NOW)).isInstanceOf(Verification.Verified.class);
        assertThat(Verifier.builder(TRUST).skew(Duration.ZERO).build().check(DISPLAY.codeAt(NOW),
                NOW.plusSeconds(120))).isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void skew_refusesNegativeTooLongOrFractionalAllowances() {
        Verifier.Builder b = Verifier.builder(TRUST);
        assertThatThrownBy(() -> b.skew(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.skew(Duration.ofMinutes(11))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.skew(Duration.ofNanos(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void check_refusesCodesOfAnExpiredOrNotYetValidGrant() {
        assertThat(rejected(check(DISPLAY.codeAt(UNTIL), UNTIL)).reason()).isEqualTo(Reason.EXPIRED);
        Instant early = FROM.minusSeconds(1);
        assertThat(rejected(check(DISPLAY.codeAt(early), early)).reason()).isEqualTo(Reason.NOT_YET_VALID);
    }

    @Test
    void check_refusesCodesOfARevokedGrant() {
        Verifier revoked = Verifier.of(TRUST.toBuilder().revoke(GRANT.id()).build());
        Verifier cutOff = Verifier.of(TRUST.toBuilder().revokeSiteBefore(Sragen.SETDA, FROM.plusSeconds(1)).build());

        Verification.Rejected refused = rejected(revoked.check(DISPLAY.codeAt(NOW), NOW));
        assertThat(refused.reason()).isEqualTo(Reason.REVOKED);
        assertThat(refused.detail()).contains("grant " + GRANT.id());
        assertThat(rejected(cutOff.check(DISPLAY.codeAt(NOW), NOW)).reason()).isEqualTo(Reason.REVOKED);
    }

    @Test
    void check_refusesCodesOnceTheAuthorityKeyIsDistrusted() {
        TrustList.Builder b = TRUST.toBuilder().distrust(AUTHORITY.publicKey());

        Verification.Rejected refused = rejected(Verifier.of(b.build()).check(DISPLAY.codeAt(NOW), NOW));

        assertThat(refused.reason()).isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(refused.detail()).contains("authority key id " + AUTHORITY.keyId());
    }

    @Test
    void check_afterTheAuthorityKeysTrustEnded_refusesTheKey_beforeTheGrantsOwnExpiry() {
        Instant keyUntil = UNTIL.plus(Duration.ofDays(10));
        TrustList keyEnded = TrustList.builder().trust(AUTHORITY.publicKey(), FROM, keyUntil).grant(GRANT).build();
        Instant later = keyUntil.plus(Duration.ofDays(1));

        Verification.Rejected refused = rejected(Verifier.of(keyEnded).check(DISPLAY.codeAt(later), later));

        assertThat(refused.reason()).isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(refused.detail()).contains("is not trusted at " + later);
        Instant justExpired = UNTIL.plusSeconds(60);
        assertThat(rejected(Verifier.of(keyEnded).check(DISPLAY.codeAt(justExpired), justExpired)).reason())
                .as("while the key is trusted, the grant's own expiry").isEqualTo(Reason.EXPIRED);
    }

    @Test
    void check_refusesAGrantWhoseWindowOutlivesItsAuthorityKey() {
        TrustList shortKey = TrustList.builder().trust(AUTHORITY.publicKey(), FROM, UNTIL.minus(Duration.ofDays(1)))
                .grant(GRANT).build();

        Verification.Rejected refused = rejected(Verifier.of(shortKey).check(DISPLAY.codeAt(NOW), NOW));

        assertThat(refused.reason()).isEqualTo(Reason.GRANT_OUTLIVES_KEY);
        assertThat(refused.detail()).contains("only in [2026-12-01T00:00:00Z, 2026-12-31T00:00:00Z)");
    }

    @Test
    void check_refusesARotatingCodeSignedByTheAuthorityKey() {
        long authorityId = Ed25519.keyId(AUTHORITY.publicKey());
        byte[] signed = PayloadV2.codeSignedPart(authorityId, NOW.getEpochSecond() / 60);
        String text = PayloadV2.text(PayloadV2.CODE_PREFIX, signed, Ed25519.sign(
                Ed25519.pairFromPkcs8(AUTHORITY.toPkcs8()).getPrivate(), signed));

        Verification.Rejected refused = rejected(check(text, NOW));

        assertThat(refused.reason()).isEqualTo(Reason.KEY_MISUSED);
        assertThat(refused.detail()).contains("is an authority key");
    }

    @Test
    void check_refusesAPrintedCodeSignedByADisplayKey() {
        String printed = Issuer.of(SCREEN).sign(SCOPE);

        Verification.Rejected refused = rejected(check(printed, NOW));

        assertThat(refused.reason()).isEqualTo(Reason.KEY_MISUSED);
        assertThat(refused.detail()).contains("is a display key");
    }

    @Test
    void withTrustList_neverCarriesACachedRotatingCodeOverAsAPrintedOne() {
        String code = DISPLAY.codeAt(NOW);
        assertThat(verifier.check(code, NOW)).isInstanceOf(Verification.Verified.class);
        // a later list trusts the display's key as an authority key and has no grant for it
        Verifier later = verifier.withTrustList(TrustList.builder().trust(AUTHORITY.publicKey())
                .trust(SCREEN.getPublic()).build());

        Verification.Rejected refused = rejected(later.check(code, NOW.plus(Duration.ofMinutes(5))));

        assertThat(refused.reason()).isEqualTo(Reason.KEY_MISUSED);
    }

    @Test
    void check_refusesASignatureWhoseSIsNotBelowTheGroupOrderWithoutVerifyingIt() {
        byte[] bytes = Base45.decode(DISPLAY.codeAt(NOW), PayloadV2.CODE_PREFIX.length(), new Refusal());
        java.util.Arrays.fill(bytes, bytes.length - 32, bytes.length, (byte) 0xFF);
        Verifier cold = Verifier.builder(TRUST).cacheSize(0).build();

        Verification.Rejected refused = rejected(cold.check(PayloadV2.CODE_PREFIX + Base45.encode(bytes), NOW));

        assertThat(refused.reason()).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(refused.detail()).isEqualTo("the signature's S is not below the group order L (display key id "
                + GRANT.displayKeyId() + ")");
        assertThat(cold.cacheMisses()).isZero();
    }

    @Test
    void check_countsAFreshStepAsACacheMiss() {
        verifier.check(DISPLAY.codeAt(NOW), NOW);
        verifier.check(DISPLAY.codeAt(NOW.plusSeconds(60)), NOW.plusSeconds(60));

        assertThat(verifier.cacheMisses()).isEqualTo(2);
        assertThat(verifier.cacheHits()).isZero();
    }

    @Test
    void check_judgesADisplayGrantedAnewByItsCurrentGrant() {
        SharedCode earlier = SharedCode.builder(Sragen.SETDA).covering(Sragen.DISKOMINFO)
                .validFrom(FROM.minus(Duration.ofDays(60))).validUntil(FROM).build();
        DisplayGrant old = AUTHORITY.grantDisplay(SCREEN.getPublic(), earlier, DisplayGrant.DEFAULT_STEP);
        TrustList both = TrustList.builder().trust(AUTHORITY.publicKey()).grant(old).grant(GRANT).build();

        Verification outcome = Verifier.of(both).check(DISPLAY.codeAt(NOW), NOW);

        assertThat(outcome).isEqualTo(new Verification.Verified(SCOPE, Verification.Channel.ROTATING_CODE));
        assertThat(both.grants()).containsExactly(old, GRANT);
    }

    @Test
    void check_refusesADisplayWithoutAGrant() {
        Verification.Rejected refused = rejected(Verifier.of(TrustList.builder().trust(AUTHORITY.publicKey())
                .build()).check(DISPLAY.codeAt(NOW), NOW));

        assertThat(refused.reason()).isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(refused.detail()).isEqualTo("no display grant has the key id " + GRANT.displayKeyId());
    }

    @Test
    void check_refusesEveryBitFlipOfACode() {
        String text = DISPLAY.codeAt(NOW);
        byte[] bytes = Base45.decode(text, PayloadV2.CODE_PREFIX.length(), new Refusal());
        assertThat(bytes).hasSize(78);
        Set<Reason> seen = EnumSet.noneOf(Reason.class);
        for (int bit = 0; bit < bytes.length * 8; bit++) {
            byte[] flipped = bytes.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            String mutant = PayloadV2.CODE_PREFIX + Base45.encode(flipped);
            Verification outcome = Verifier.builder(TRUST).cacheSize(0).build().check(mutant, NOW);
            assertThat(outcome).as("bit %d", bit).isInstanceOf(Verification.Rejected.class);
            seen.add(((Verification.Rejected) outcome).reason());
        }
        // the version and kind bytes, the key id and the signature each have their reason; a flipped step is
        // caught by the signature before its time is read
        assertThat(seen).containsExactlyInAnyOrder(Reason.MALFORMED, Reason.UNKNOWN_KEY, Reason.BAD_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"LW2:", "LW2:ABC", "LW2:%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%"
            + "%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%"})
    void check_refusesTextsWithTheVersionTwoPrefixThatAreNoCodeAsMalformed(String text) {
        assertThat(rejected(check(text, NOW)).reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void check_refusesAGrantScannedAsACode() {
        Verification.Rejected refused = rejected(check(GRANT.text(), NOW));

        assertThat(refused.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(refused.detail()).contains("display grant");
    }

    @Test
    void grant_isRefusedByATrustListWithoutItsAuthorityKey() {
        Issuer stranger = Issuer.generate();
        TrustList.Builder b = TrustList.builder().trust(stranger.publicKey());

        assertThatThrownBy(() -> b.grant(GRANT)).isInstanceOfSatisfying(CodeException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY));
        assertThat(b.build().grants()).isEmpty();
    }

    @Test
    void grant_isRefusedWhenItsSignatureDoesNotMatch() {
        byte[] bytes = Base45.decode(GRANT.text(), PayloadV2.GRANT_PREFIX.length(), new Refusal());
        bytes[bytes.length - 70] ^= 1;
        DisplayGrant forged = DisplayGrant.parse(PayloadV2.GRANT_PREFIX + Base45.encode(bytes));
        TrustList.Builder b = TrustList.builder().trust(AUTHORITY.publicKey());

        assertThatThrownBy(() -> b.grant(forged)).isInstanceOfSatisfying(CodeException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    }

    @Test
    void grant_isRefusedForADisplayKeyTrustedAsAnAuthorityKey() {
        TrustList.Builder b = TrustList.builder().trust(AUTHORITY.publicKey()).trust(SCREEN.getPublic());

        assertThatThrownBy(() -> b.grant(GRANT)).isInstanceOfSatisfying(CodeException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.KEY_MISUSED));
    }

    @Test
    void grantDisplay_refusesTheAuthoritysOwnKeyAndStepsOutOfRange() {
        assertThatThrownBy(() -> AUTHORITY.grantDisplay(AUTHORITY.publicKey(), SCOPE, DisplayGrant.DEFAULT_STEP))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authority's own key");
        for (Duration step : List.of(Duration.ofSeconds(14), Duration.ofSeconds(1025), Duration.ofMillis(60_500))) {
            assertThatThrownBy(() -> AUTHORITY.grantDisplay(SCREEN.getPublic(), SCOPE, step))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void parse_readsBackWhatTheAuthorityGranted() {
        DisplayGrant read = DisplayGrant.parse(GRANT.text());

        assertThat(read).isEqualTo(GRANT);
        assertThat(read.scope().site()).isEqualTo(Sragen.SETDA);
        assertThat(read.scope().agencies()).containsExactlyInAnyOrderElementsOf(Sragen.SETDA_UNITS);
        assertThat(read.step()).isEqualTo(Duration.ofSeconds(60));
        assertThat(read.displayKey()).isEqualTo(SCREEN.getPublic());
        assertThat(read.authorityKeyId()).isEqualTo(AUTHORITY.keyId());
        assertThat(read.id()).isEqualTo(SCOPE.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "LW2G:", "LW2G:ABC", "LW2:ABC", "LW1G:00", "LW2G:0000000000"})
    void parse_refusesTextsThatAreNoGrantAsMalformed(String text) {
        assertThatThrownBy(() -> DisplayGrant.parse(text)).isInstanceOfSatisfying(CodeException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void parse_refusesAGrantWithAStepOutOfRange() {
        byte[] bytes = Base45.decode(GRANT.text(), PayloadV2.GRANT_PREFIX.length(), new Refusal());
        bytes[PayloadV2.STEP_OFFSET] = 0x10;

        assertThatThrownBy(() -> DisplayGrant.parse(PayloadV2.GRANT_PREFIX + Base45.encode(bytes)))
                .isInstanceOf(CodeException.class).hasMessageContaining("step of 4156 s");
    }

    @Test
    void display_refusesAPrivateKeyThatIsNotTheGrants() {
        assertThatThrownBy(() -> Display.of(GRANT, Ed25519.generate().getPrivate()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(GRANT.id().toString());
    }

    @Test
    void display_changesItsCodeEveryStepAndNotWithin() {
        assertThat(DISPLAY.codeAt(NOW)).isEqualTo(DISPLAY.codeAt(NOW.plusSeconds(59)))
                .isNotEqualTo(DISPLAY.codeAt(NOW.plusSeconds(60)));
        assertThat(DISPLAY.stepAt(NOW)).isEqualTo(NOW.getEpochSecond() / 60);
        assertThat(DISPLAY.nextChange(NOW.plusSeconds(12))).isEqualTo(NOW.plusSeconds(60));
        assertThatThrownBy(() -> DISPLAY.codeAt(Instant.EPOCH.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void display_codeFitsAQrSymbolOfVersionFiveWhateverTheGrantCovers() {
        List<Integer> versions = new ArrayList<>();
        for (int n : new int[] {1, 14, 64}) {
            SharedCode.Builder scope = SharedCode.builder(SiteId.of("setda-complex")).validFrom(FROM)
                    .validUntil(UNTIL);
            for (int i = 0; i < n; i++) {
                scope.covering(AgencyId.of("unit-" + i));
            }
            Display display = Display.of(AUTHORITY.grantDisplay(SCREEN.getPublic(), scope.build(),
                    DisplayGrant.DEFAULT_STEP), SCREEN.getPrivate());
            String code = display.codeAt(NOW);
            assertThat(code).hasSize(121);
            versions.add(QrImages.version(code));
        }

        assertThat(versions).containsExactly(5, 5, 5);
    }

    @Test
    void display_drawsFramesAndASelfRefreshingKioskPageWithoutExternalResources() {
        byte[] png = DISPLAY.png(NOW, 400);
        String svg = DISPLAY.svg(NOW);
        String page = DISPLAY.kioskPage(NOW.plusSeconds(45));

        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        assertThat(svg).startsWith("<?xml").contains("<svg");
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<meta http-equiv=\"refresh\" content=\"15\">")
                .contains("setda-complex").contains("<path fill=\"#000000\" d=\"");
        assertThat(page.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http:")
                .doesNotContain("https:").doesNotContain("src=").doesNotContain("<link");
    }

    @Test
    void display_kioskPageShowsTheCodeThatVerifies() {
        String page = DISPLAY.kioskPage(NOW);

        assertThat(page).contains(DISPLAY.svg(NOW).substring(DISPLAY.svg(NOW).indexOf("<path")));
    }

    @Test
    void toString_revealsNoPrivateKey() {
        String seedHex = "0101010101010101";

        assertThat(DISPLAY.toString()).doesNotContain(seedHex).contains(GRANT.displayKeyId());
    }
}
