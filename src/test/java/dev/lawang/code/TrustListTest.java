package dev.lawang.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.testing.Sragen;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrustListTest {
    private static final Issuer A = Issuer.generate();
    private static final Issuer B = Issuer.generate();
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2027-01-01T00:00:00Z");

    @Test
    void toBuilder_startsTheNextVersionAndLeavesThisListUnchanged() {
        TrustList v1 = TrustList.builder().trust(A.publicKey()).build();
        TrustList v2 = v1.toBuilder().trust(B.publicKey()).build();

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v1.keys()).containsExactly(A.publicKey());
        assertThat(v2.keys()).containsExactlyInAnyOrder(A.publicKey(), B.publicKey());
    }

    @Test
    void trusts_respectsKeyWindowsHalfOpen() {
        TrustList list = TrustList.builder().trust(A.publicKey(), T0, T1).trust(B.publicKey()).build();

        assertThat(list.trusts(A.publicKey(), T0.minusNanos(1))).isFalse();
        assertThat(list.trusts(A.publicKey(), T0)).isTrue();
        assertThat(list.trusts(A.publicKey(), T1)).isFalse();
        assertThat(list.trusts(B.publicKey(), T1)).isTrue();
        assertThat(list.toBuilder().distrust(B.publicKey()).build().trusts(B.publicKey(), T1)).isFalse();
    }

    @Test
    void trust_keepsEveryWindowOfAKeyTrustedTwice() {
        Instant t2 = T1.plusSeconds(3600);
        Instant t3 = t2.plusSeconds(3600);
        TrustList list = TrustList.builder().trust(A.publicKey(), T0, T1).trust(A.publicKey(), t2, t3).build();

        assertThat(list.keys()).containsExactly(A.publicKey());
        assertThat(list.trusts(A.publicKey(), T0)).isTrue();
        assertThat(list.trusts(A.publicKey(), T1)).isFalse();
        assertThat(list.trusts(A.publicKey(), t2)).isTrue();
        assertThat(list.trusts(A.publicKey(), t3)).isFalse();
        TrustList next = list.toBuilder().build();
        assertThat(next.trusts(A.publicKey(), T0)).isTrue();
        assertThat(next.trusts(A.publicKey(), t2)).isTrue();
        assertThat(next.trusts(A.publicKey(), T1)).isFalse();
    }

    @Test
    void trust_atAllTimesCoversEveryWindowAndDistrustRemovesThemAll() {
        TrustList list = TrustList.builder().trust(A.publicKey(), T0, T1).trust(A.publicKey()).build();

        assertThat(list.keys()).hasSize(1);
        assertThat(list.trusts(A.publicKey(), T1.plusSeconds(1))).isTrue();
        assertThat(list.trusts(A.publicKey(), T0.minusSeconds(1))).isTrue();
        TrustList without = list.toBuilder().trust(A.publicKey(), T0, T1).distrust(A.publicKey()).build();
        assertThat(without.keys()).isEmpty();
        assertThat(without.trusts(A.publicKey(), T0)).isFalse();
    }

    @Test
    void build_acceptsTwoKeysFiledUnderOneKeyIdAndKeepsBoth() {
        long shared = Ed25519.keyId(A.publicKey());
        TrustList list = TrustList.builder().trust(A.publicKey()).trust(B.publicKey(), shared, T0, T1).build();

        assertThat(list.keys(shared)).hasSize(2);
        assertThat(list.keys(Ed25519.keyId(B.publicKey()))).isEmpty();
        assertThat(list.trusts(B.publicKey(), T0)).isTrue();
        assertThat(list.toBuilder().build().keys(shared)).hasSize(2);
    }

    @Test
    void isRevoked_coversCodeIdsAndSiteCutOffsByIssueTime() {
        SharedCode early = SharedCode.builder(Sragen.SETDA).covering(Sragen.BPKPD).issuedAt(T0.minusSeconds(1))
                .validFrom(T0).validUntil(T1).build();
        SharedCode late = SharedCode.builder(Sragen.SETDA).covering(Sragen.BPKPD).issuedAt(T0).validFrom(T0)
                .validUntil(T1).build();
        SharedCode elsewhere = SharedCode.builder(SiteId.of("rsud-sragen")).covering(AgencyId.of("rsud"))
                .issuedAt(T0.minusSeconds(1)).validFrom(T0).validUntil(T1).build();
        TrustList list = TrustList.builder().revoke(elsewhere.id()).revokeSiteBefore(Sragen.SETDA, T0).build();

        assertThat(list.isRevoked(early)).isTrue();
        assertThat(list.isRevoked(late)).isFalse();
        assertThat(list.isRevoked(elsewhere)).isTrue();
        assertThat(list.revokedBefore(Sragen.SETDA)).contains(T0);
        assertThat(list.revokedBefore(SiteId.of("rsud-sragen"))).isEmpty();
    }

    @Test
    void isRevoked_byIdSiteAndIssueTime_answersAsForTheCodeThatNamesThem() {
        CodeId id = CodeId.random();
        SiteId rsud = SiteId.of("rsud-sragen");
        TrustList list = TrustList.builder().revoke(id).revokeSiteBefore(Sragen.SETDA, T0).build();

        assertThat(list.isRevoked(CodeId.random(), Sragen.SETDA, T0.minusNanos(1))).as("just before").isTrue();
        assertThat(list.isRevoked(CodeId.random(), Sragen.SETDA, T0)).as("at the cut-off").isFalse();
        assertThat(list.isRevoked(CodeId.random(), rsud, T0.minusSeconds(3600))).as("no cut-off there").isFalse();
        assertThat(list.isRevoked(id, rsud, T1)).as("by id, at any site and time").isTrue();
        assertThat(TrustList.builder().build().isRevoked(id, Sragen.SETDA, T0)).isFalse();
    }

    @Test
    void isRevoked_refusesNulls() {
        TrustList list = TrustList.builder().revokeSiteBefore(Sragen.SETDA, T0).build();
        CodeId id = CodeId.random();

        assertThatThrownBy(() -> list.isRevoked(null, Sragen.SETDA, T0)).isInstanceOf(NullPointerException.class)
                .hasMessage("id");
        assertThatThrownBy(() -> list.isRevoked(id, null, T0)).isInstanceOf(NullPointerException.class)
                .hasMessage("site");
        assertThatThrownBy(() -> list.isRevoked(id, Sragen.SETDA, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("issuedAt");
        assertThatThrownBy(() -> list.isRevoked((SharedCode) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("code");
    }

    @Test
    void builder_rejectsBadValues() {
        assertThatThrownBy(() -> TrustList.builder().trust(A.publicKey(), T1, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty or reversed");
        assertThatThrownBy(() -> TrustList.builder().version(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustList.builder().trust(null)).isInstanceOf(NullPointerException.class);
    }
}
