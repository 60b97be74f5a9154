package dev.lawang.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.testing.Sragen;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SharedCodeTest {
    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");

    @Test
    void builder_keepsAgenciesAscending() {
        SharedCode code = SharedCode.builder(Sragen.SETDA).covering(Sragen.DPMPTSP, Sragen.BPKPD)
                .validFrom(FROM).validUntil(UNTIL).build();

        assertThat(code.agencies()).containsExactly(Sragen.BPKPD, Sragen.DPMPTSP);
        assertThat(code.validFrom()).isEqualTo(FROM);
        assertThat(code.issuedAt()).isEqualTo(FROM);
        assertThat(code.covers(Sragen.BPKPD)).isTrue();
        assertThat(code.covers(Sragen.DISKOMINFO)).isFalse();
        assertThatThrownBy(() -> code.agencies().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void covering_refusesAnAgencyTwiceAndLeavesTheBuilderUnchanged() {
        SharedCode.Builder b = SharedCode.builder(Sragen.SETDA).covering(Sragen.BPKPD).validFrom(FROM)
                .validUntil(UNTIL);

        assertThatThrownBy(() -> b.covering(Sragen.DPMPTSP, Sragen.DISKOMINFO, Sragen.DPMPTSP))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("agency dpmptsp is covered twice");
        assertThatThrownBy(() -> b.covering(List.of(Sragen.DISKOMINFO, Sragen.BPKPD)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("agency bpkpd is covered twice");
        assertThatThrownBy(() -> b.covering(java.util.Arrays.asList(AgencyId.of("rsud"), null)))
                .isInstanceOf(NullPointerException.class);
        assertThat(b.build().agencies()).containsExactly(Sragen.BPKPD);
    }

    @Test
    void builder_refusesFractionsOfASecondInEveryTime() {
        SharedCode.Builder b = SharedCode.builder(Sragen.SETDA).covering(Sragen.BPKPD);

        assertThatThrownBy(() -> b.validFrom(FROM.plusMillis(999))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("validFrom 2026-12-01T00:00:00.999Z has a fraction of a second; a code carries whole"
                        + " seconds (2026-12-01T00:00:00Z)");
        assertThatThrownBy(() -> b.validUntil(UNTIL.minusNanos(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("validUntil 2026-12-31T23:59:59.999999999Z has a fraction");
        assertThatThrownBy(() -> b.issuedAt(FROM.plusNanos(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("issuedAt ");
        assertThatThrownBy(() -> b.validFrom(Instant.EPOCH.minusNanos(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fraction");
        assertThat(b.validFrom(FROM).validUntil(UNTIL).build().validFrom()).isEqualTo(FROM);
    }

    @Test
    void build_refusesACodeIssuedAtOrAfterTheEndOfItsWindow() {
        SharedCode.Builder b = SharedCode.builder(Sragen.SETDA).covering(Sragen.BPKPD).validFrom(FROM)
                .validUntil(UNTIL);

        assertThatThrownBy(() -> b.issuedAt(UNTIL).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("issuedAt " + UNTIL + " is not before validUntil " + UNTIL
                        + ": a code is issued before it expires");
        assertThatThrownBy(() -> b.issuedAt(Instant.parse("2106-02-07T06:28:15Z")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not before validUntil");
        assertThat(b.issuedAt(UNTIL.minusSeconds(1)).build().issuedAt()).isEqualTo(UNTIL.minusSeconds(1));
        assertThat(b.issuedAt(Instant.EPOCH).build().isValidAt(FROM)).isTrue();
    }

    @Test
    void builder_givesEachCodeAFreshIdAndCopiesItsState() {
        SharedCode.Builder builder = SharedCode.builder(Sragen.SETDA).covering(Sragen.BPKPD)
                .validFrom(FROM).validUntil(UNTIL);
        SharedCode first = builder.build();
        SharedCode second = builder.covering(Sragen.DPMPTSP).build();

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(first.agencies()).containsExactly(Sragen.BPKPD);
        assertThat(second.agencies()).hasSize(2);
    }

    @Test
    void isValidAt_isHalfOpen() {
        SharedCode code = SharedCode.builder(Sragen.SETDA).covering(Sragen.BPKPD).validFrom(FROM)
                .validUntil(UNTIL).build();

        assertThat(code.isValidAt(FROM.minusNanos(1))).isFalse();
        assertThat(code.isValidAt(FROM)).isTrue();
        assertThat(code.isValidAt(UNTIL.minusNanos(1))).isTrue();
        assertThat(code.isValidAt(UNTIL)).isFalse();
    }

    @Test
    void build_rejectsEmptyOrReversedWindowAndMissingTimes() {
        SharedCode.Builder b = SharedCode.builder(Sragen.SETDA).covering(Sragen.BPKPD);

        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.validFrom(FROM).validUntil(FROM).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty or reversed");
        assertThatThrownBy(() -> b.validFrom(UNTIL).validUntil(FROM).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void build_rejectsTimesOutsideThePayloadRange() {
        SharedCode.Builder b = SharedCode.builder(Sragen.SETDA).covering(Sragen.BPKPD);

        assertThatThrownBy(() -> b.validFrom(Instant.EPOCH.minusSeconds(1)).validUntil(FROM).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("validFrom");
        assertThatThrownBy(() -> b.validFrom(FROM).validUntil(Instant.parse("2106-02-07T06:28:16Z")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("validUntil");
        assertThat(b.validFrom(Instant.EPOCH).validUntil(Instant.parse("2106-02-07T06:28:15Z")).build().validUntil())
                .isEqualTo(Instant.ofEpochSecond(0xFFFF_FFFFL));
    }

    @Test
    void build_rejectsNoAgenciesAndMoreThanSixtyFour() {
        List<AgencyId> many = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            many.add(AgencyId.of("a" + i));
        }

        assertThatThrownBy(() -> SharedCode.builder(Sragen.SETDA).validFrom(FROM).validUntil(UNTIL).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 0");
        assertThatThrownBy(() -> SharedCode.builder(Sragen.SETDA).covering(many).validFrom(FROM).validUntil(UNTIL)
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 65");
        assertThat(SharedCode.builder(Sragen.SETDA).covering(many.subList(0, 64)).validFrom(FROM).validUntil(UNTIL)
                .build().agencies()).hasSize(64);
    }

    /**
     * docs/payload-format.md, section 5: an agency id of 64 characters that the tables do not shorten takes 65
     * symbols, 390 bits; a text of at most 3391 characters holds 4 + 2258 bytes of Base45, so 102 bytes of fixed
     * fields and signature leave 2156 bytes, 17,248 bits, for the site and the agencies. 44 such agencies (17,160
     * bits) fit when the site id takes at most 14 symbols with its end (84 bits; 13 characters that the tables do not
     * shorten), 43 with any site id, 45 never.
     */
    @ParameterizedTest(name = "site of {0} literal characters: {1} agencies of 64 characters fit")
    @CsvSource({"1, 44", "13, 44", "14, 43", "64, 43"})
    void build_acceptsExactlyAsManyLongIdsAsTheTextBoundAllows(int siteLength, int fitting) {
        List<AgencyId> longIds = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            longIds.add(AgencyId.of(String.format("q%02d", i) + "x".repeat(61)));
        }
        SiteId site = SiteId.of("w".repeat(siteLength - 1) + "q");

        SharedCode largest = SharedCode.builder(site).covering(longIds.subList(0, fitting)).validFrom(FROM)
                .validUntil(UNTIL).build();
        assertThat(Issuer.generate().sign(largest).length()).isLessThanOrEqualTo(3391);
        assertThatThrownBy(() -> SharedCode.builder(site).covering(longIds.subList(0, fitting + 1)).validFrom(FROM)
                .validUntil(UNTIL).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 3391");
        assertThatThrownBy(() -> SharedCode.builder(site).covering(longIds).validFrom(FROM).validUntil(UNTIL).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 3391");
    }

    @Test
    void build_fitsFortyFourLongIdsWithTheSetdaSite() {
        List<AgencyId> longIds = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            longIds.add(AgencyId.of(String.format("q%02d", i) + "x".repeat(61)));
        }

        assertThat(SharedCode.builder(Sragen.SETDA).covering(longIds.subList(0, 44)).validFrom(FROM).validUntil(UNTIL)
                .build().agencies()).hasSize(44);
        assertThatThrownBy(() -> SharedCode.builder(Sragen.SETDA).covering(longIds).validFrom(FROM).validUntil(UNTIL)
                .build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void maxAgencies_isTheLimitOfCodesAndFitsAPoster() {
        assertThat(SharedCode.MAX_AGENCIES).isEqualTo(64);
        assertThat(dev.lawang.qr.Poster.MAX_AGENCY_NAMES).isGreaterThanOrEqualTo(SharedCode.MAX_AGENCIES);
    }

    @Test
    void codeId_parsesItsOwnTextAndRejectsOthers() {
        CodeId id = CodeId.random();

        assertThat(CodeId.parse(id.toString())).isEqualTo(id).hasSameHashCodeAs(id);
        assertThat(id.toString()).matches("[0-9a-f]{32}");
        assertThatThrownBy(() -> CodeId.parse("00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CodeId.parse("000102030405060708090A0B0C0D0E0F"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CodeId.parse("x".repeat(10_000))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10000 chars");
    }
}
