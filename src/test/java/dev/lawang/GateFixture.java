package dev.lawang;

import static dev.lawang.testing.Sragen.DUKCAPIL;
import static dev.lawang.testing.Sragen.DUKCAPIL_OFFICE;
import static dev.lawang.testing.Sragen.IN_KEJARI_OFFICE;
import static dev.lawang.testing.Sragen.IN_SETDA;
import static dev.lawang.testing.Sragen.KEJARI;
import static dev.lawang.testing.Sragen.KEJARI_OFFICE;
import static dev.lawang.testing.Sragen.SETDA;
import static dev.lawang.testing.Sragen.visitor;

import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.code.Issuer;
import dev.lawang.code.SharedCode;
import dev.lawang.code.TrustList;
import dev.lawang.code.Verifier;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.directory.SiteId;
import dev.lawang.geo.Fix;
import dev.lawang.geo.GeoPoint;
import dev.lawang.testing.Sragen;
import dev.lawang.testing.TestClock;
import dev.lawang.visit.Role;
import java.time.Duration;
import java.time.Instant;

/**
 * The gate tests' day in the shared {@link Sragen} world: the case's directory, the Setda complex's one code for its
 * 14 units and Kejari's own code, both signed by a trusted issuer, and a clock standing at 08:00 WIB on the report
 * day. The civil registry has no code: its visitors walk in.
 */
final class GateFixture {
    static final Instant START = Sragen.at(8, 0);
    static final SiteId NOWHERE = SiteId.of("not-in-directory");

    final TestClock clock = TestClock.at(START);
    final Issuer issuer = Issuer.generate();
    final Issuer stranger = Issuer.generate();
    final Directory directory = Sragen.directory();
    final SharedCode setdaCode;
    final String setdaText;
    final String kejariText;

    GateFixture() {
        setdaCode = code(SETDA, Sragen.SETDA_UNITS.toArray(AgencyId[]::new)).build();
        setdaText = issuer.sign(setdaCode);
        kejariText = issuer.sign(code(KEJARI_OFFICE, KEJARI).build());
    }

    SharedCode.Builder code(SiteId site, AgencyId... agencies) {
        return SharedCode.builder(site).covering(agencies).validFrom(START.minus(Duration.ofDays(30)))
                .validUntil(START.plus(Duration.ofDays(365)));
    }

    TrustList trust() {
        return TrustList.builder().trust(issuer.publicKey()).build();
    }

    Verifier verifier() {
        return Verifier.of(trust());
    }

    Gate.Builder gate() {
        return Gate.builder().directory(directory).verifier(verifier()).clock(clock);
    }

    Gate gate(CapacityPolicy policy) {
        return gate().policy(policy).build();
    }

    Fix at(GeoPoint point) {
        return Fix.of(point, 10).at(clock.instant());
    }

    CheckIn setdaGuest(int visitor, AgencyId agency) {
        return new CheckIn(setdaText, visitor(visitor), agency, Role.GUEST, at(IN_SETDA), HealthStatus.GREEN);
    }

    CheckIn kejariGuest(int visitor) {
        return new CheckIn(kejariText, visitor(visitor), KEJARI, Role.GUEST, at(IN_KEJARI_OFFICE),
                HealthStatus.GREEN);
    }

    static WalkIn walkIn(int visitor, Role role) {
        return new WalkIn(DUKCAPIL_OFFICE, DUKCAPIL, visitor(visitor), role, Screening.of(36.6, true, true));
    }
}
