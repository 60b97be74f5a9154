package dev.lawang.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedCodeTest {
    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");

    @Test
    void builder_keepsAgenciesAscendingWithoutDuplicatesAndDropsFractionsOfSeconds() {
        SharedCode code = SharedCode.builder(Setda.SITE)
                .covering(AgencyId.of("dpmptsp"), AgencyId.of("bpkpd"), AgencyId.of("dpmptsp"))
                .validFrom(FROM.plusMillis(999)).validUntil(UNTIL).build();

        assertThat(code.agencies()).containsExactly(AgencyId.of("bpkpd"), AgencyId.of("dpmptsp"));
        assertThat(code.validFrom()).isEqualTo(FROM);
        assertThat(code.issuedAt()).isEqualTo(FROM);
        assertThat(code.covers(AgencyId.of("bpkpd"))).isTrue();
        assertThat(code.covers(AgencyId.of("diskominfo"))).isFalse();
        assertThatThrownBy(() -> code.agencies().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void builder_givesEachCodeAFreshIdAndCopiesItsState() {
        SharedCode.Builder builder = SharedCode.builder(Setda.SITE).covering(AgencyId.of("bpkpd"))
                .validFrom(FROM).validUntil(UNTIL);
        SharedCode first = builder.build();
        SharedCode second = builder.covering(AgencyId.of("dpmptsp")).build();

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(first.agencies()).containsExactly(AgencyId.of("bpkpd"));
        assertThat(second.agencies()).hasSize(2);
    }

    @Test
    void isValidAt_isHalfOpen() {
        SharedCode code = SharedCode.builder(Setda.SITE).covering(AgencyId.of("bpkpd")).validFrom(FROM)
                .validUntil(UNTIL).build();

        assertThat(code.isValidAt(FROM.minusNanos(1))).isFalse();
        assertThat(code.isValidAt(FROM)).isTrue();
        assertThat(code.isValidAt(UNTIL.minusNanos(1))).isTrue();
        assertThat(code.isValidAt(UNTIL)).isFalse();
    }

    @Test
    void build_rejectsEmptyOrReversedWindowAndMissingTimes() {
        SharedCode.Builder b = SharedCode.builder(Setda.SITE).covering(AgencyId.of("bpkpd"));

        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.validFrom(FROM).validUntil(FROM).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty or reversed");
        assertThatThrownBy(() -> b.validFrom(UNTIL).validUntil(FROM).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.validFrom(FROM).validUntil(FROM.plusMillis(500)).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void build_rejectsTimesOutsideThePayloadRange() {
        SharedCode.Builder b = SharedCode.builder(Setda.SITE).covering(AgencyId.of("bpkpd"));

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

        assertThatThrownBy(() -> SharedCode.builder(Setda.SITE).validFrom(FROM).validUntil(UNTIL).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 0");
        assertThatThrownBy(() -> SharedCode.builder(Setda.SITE).covering(many).validFrom(FROM).validUntil(UNTIL)
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 65");
        assertThat(SharedCode.builder(Setda.SITE).covering(many.subList(0, 64)).validFrom(FROM).validUntil(UNTIL)
                .build().agencies()).hasSize(64);
    }

    @Test
    void build_rejectsIdsTooLongForAnyQrSymbolAndAcceptsUpToTheRealBound() {
        List<AgencyId> longIds = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            longIds.add(AgencyId.of(String.format("q%02d", i) + "x".repeat(61)));
        }
        SiteId site = SiteId.of("w".repeat(64));

        assertThatThrownBy(() -> SharedCode.builder(site).covering(longIds).validFrom(FROM).validUntil(UNTIL).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 3391");
        int fits = 0;
        for (int n = 1; n <= 64; n++) {
            try {
                SharedCode.builder(site).covering(longIds.subList(0, n)).validFrom(FROM).validUntil(UNTIL).build();
                fits = n;
            } catch (IllegalArgumentException e) {
                break;
            }
        }
        assertThat(fits).isBetween(40, 45);
        SharedCode largest = SharedCode.builder(site).covering(longIds.subList(0, fits)).validFrom(FROM)
                .validUntil(UNTIL).build();
        assertThat(Issuer.generate().sign(largest).length()).isLessThanOrEqualTo(3391);
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
