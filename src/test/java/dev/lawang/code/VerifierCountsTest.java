package dev.lawang.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a verifier counts for operators: scans answered from the cache and scans that verified a signature. */
class VerifierCountsTest {
    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-15T09:30:00Z");
    private static final Issuer ISSUER = Issuer.generate();
    private static final TrustList TRUST = TrustList.builder().trust(ISSUER.publicKey()).build();
    private static final String TEXT = ISSUER.sign(SharedCode.builder(SiteId.of("setda-complex"))
            .covering(AgencyId.of("diskominfo")).validFrom(FROM).validUntil(FROM.plusSeconds(86_400 * 60)).build());

    @Test
    void counts_aMissForTheFirstScanAndAHitForEachRescan() {
        Verifier verifier = Verifier.of(TRUST);

        verifier.check(TEXT, NOW);
        verifier.check(new String(TEXT.toCharArray()), NOW);
        verifier.check(TEXT, NOW.plusSeconds(60));

        assertThat(verifier.cacheMisses()).isEqualTo(1);
        assertThat(verifier.cacheHits()).isEqualTo(2);
    }

    @Test
    void counts_aNewTrustListThatKeepsTheKeyAsHitsOnTheSharedCache() {
        Verifier verifier = Verifier.of(TRUST);
        verifier.check(TEXT, NOW);

        Verifier next = verifier.withTrustList(TRUST.toBuilder().build());
        next.check(TEXT, NOW);

        assertThat(next.cacheHits()).isEqualTo(1);
        assertThat(next.cacheMisses()).isEqualTo(1);
        assertThat(verifier.cacheHits()).isEqualTo(next.cacheHits());
    }

    @Test
    void counts_everyScanAsAMissWithTheCacheOff() {
        Verifier uncached = Verifier.builder(TRUST).cacheSize(0).build();

        uncached.check(TEXT, NOW);
        uncached.check(TEXT, NOW);

        assertThat(uncached.cacheMisses()).isEqualTo(2);
        assertThat(uncached.cacheHits()).isZero();
    }

    @Test
    void counts_nothingForATextThatNeverReachesTheSignature() {
        Verifier verifier = Verifier.of(TRUST);

        verifier.check("HC1:NCFOXN%TS3DH", NOW);
        verifier.check("LW1:", NOW);

        assertThat(verifier.cacheMisses()).isZero();
        assertThat(verifier.cacheHits()).isZero();
    }
}
