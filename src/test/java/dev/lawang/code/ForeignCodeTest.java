package dev.lawang.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.code.CodeException.Reason;
import dev.lawang.testing.Sragen;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ForeignCodeTest {
    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-15T09:30:00Z");
    private static final Issuer ISSUER = Issuer.generate();
    private static final String NHS_POSTER =
            "UKC19TRACING:1:eyJhbGciOiJFUzI1NiIsImtpZCI6IjEifQ.eyJpZCI6IjRXVDU5TTVZIn0.c2ln";
    private static final SharedCode BINDING = SharedCode.builder(Sragen.KEJARI_OFFICE).covering(Sragen.KEJARI)
            .validFrom(FROM).validUntil(UNTIL).build();

    private static Verification.Rejected rejected(Verifier verifier, String text, Instant at) {
        Verification outcome = verifier.check(text, at);
        assertThat(outcome).isInstanceOf(Verification.Rejected.class);
        return (Verification.Rejected) outcome;
    }

    @ParameterizedTest
    @ValueSource(strings = {"HC1:NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH-R6IOO", NHS_POSTER,
        "NZCOVIDTRACER:eyJnbG4iOiI5NDI5MDU2MTAwMjYwMSIsInZlciI6ImMxOS4xIn0=",
        "https://e.coronawarn.app?v=1#CAESLAgBEhFNeSBCaXJ0aGRheSBQYXJ0eRoLYXQgbXkgcGxhY2U",
        "HTTPS://E.CORONAWARN.APP/?v=1#CAESLAgBEhFNeSBCaXJ0aGRheSBQYXJ0eQ"})
    void check_refusesAnotherSystemsCodeAsForeignNotMalformed(String text) {
        Verification.Rejected refused = rejected(Verifier.of(TrustList.builder().build()), text, NOW);

        assertThat(refused.reason()).isEqualTo(Reason.FOREIGN_CODE);
        assertThat(refused.detail()).startsWith("the text looks like ").contains("not a Lawang code")
                .doesNotContain(text.substring(13));
    }

    @Test
    void check_admitsARegisteredForeignPosterAsItsBindingAndSaysSo() {
        Verifier verifier = Verifier.of(TrustList.builder().registerForeign(NHS_POSTER, BINDING).build());

        assertThat(verifier.check(NHS_POSTER, NOW)).isEqualTo(new Verification.Verified(BINDING,
                Verification.Channel.REGISTERED_FOREIGN_CODE));
        assertThat(rejected(verifier, NHS_POSTER + "X", NOW).reason()).isEqualTo(Reason.FOREIGN_CODE);
    }

    @Test
    void check_refusesAForeignRegistrationOutsideItsWindowOrRevoked() {
        TrustList trust = TrustList.builder().registerForeign(NHS_POSTER, BINDING).build();
        Verifier verifier = Verifier.of(trust);

        assertThat(rejected(verifier, NHS_POSTER, UNTIL).reason()).isEqualTo(Reason.EXPIRED);
        assertThat(rejected(verifier, NHS_POSTER, FROM.minusSeconds(1)).reason()).isEqualTo(Reason.NOT_YET_VALID);
        assertThat(rejected(Verifier.of(trust.toBuilder().revoke(BINDING.id()).build()), NHS_POSTER, NOW).reason())
                .isEqualTo(Reason.REVOKED);
    }

    @Test
    void registerForeign_keepsRegistrationsInTheNextVersion() {
        TrustList next = TrustList.builder().registerForeign(NHS_POSTER, BINDING).build().toBuilder().build();

        assertThat(Verifier.of(next).check(NHS_POSTER, NOW)).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void registerForeign_refusesALawangCodeAnEmptyTextAndATooLongOne() {
        TrustList.Builder b = TrustList.builder();
        String lawang = ISSUER.sign(BINDING);

        assertThatThrownBy(() -> b.registerForeign(lawang, BINDING)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shape of a Lawang code");
        assertThatThrownBy(() -> b.registerForeign("", BINDING)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.registerForeign("x".repeat(3392), BINDING))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
