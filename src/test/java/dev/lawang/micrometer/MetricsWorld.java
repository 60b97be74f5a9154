package dev.lawang.micrometer;

import dev.lawang.CheckIn;
import dev.lawang.Decision;
import dev.lawang.Gate;
import dev.lawang.HealthStatus;
import dev.lawang.Screening;
import dev.lawang.WalkIn;
import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.code.Issuer;
import dev.lawang.code.SharedCode;
import dev.lawang.code.TrustList;
import dev.lawang.code.Verifier;
import dev.lawang.directory.Agency;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.directory.Site;
import dev.lawang.directory.SiteId;
import dev.lawang.geo.Fix;
import dev.lawang.geo.GeoPoint;
import dev.lawang.geo.Geofence;
import dev.lawang.testing.TestClock;
import dev.lawang.visit.Role;
import dev.lawang.visit.Ticket;
import dev.lawang.visit.VisitorRef;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Two sites of Sragen in memory: the Setda complex, where visitors scan a shared code, and the civil registry's
 * office, which has no code and screens walk-ins by hand. Uses nothing of Micrometer, so that a JVM without it can
 * run it too.
 */
final class MetricsWorld {
    static final byte[] SECRET = "a metrics test secret, 32 bytes or more".getBytes(StandardCharsets.UTF_8);
    static final Instant START = Instant.parse("2021-12-15T01:00:00Z");

    static final AgencyId DISKOMINFO = AgencyId.of("diskominfo");
    static final AgencyId BAPPEDA = AgencyId.of("bappeda-litbang");
    static final AgencyId DUKCAPIL = AgencyId.of("dispendukcapil");

    static final SiteId SETDA = SiteId.of("setda-complex");
    static final SiteId DUKCAPIL_OFFICE = SiteId.of("dispendukcapil-office");
    static final SiteId NOWHERE = SiteId.of("not-in-directory");

    static final GeoPoint SETDA_CENTRE = GeoPoint.of(-7.4270, 111.0190);
    static final GeoPoint DUKCAPIL_CENTRE = GeoPoint.of(-7.4300, 111.0250);
    /** About 1.1 km north of the Setda complex. */
    static final GeoPoint FAR_AWAY = GeoPoint.of(-7.4170, 111.0190);

    final TestClock clock = TestClock.at(START);
    final Issuer issuer = Issuer.generate();
    final Issuer stranger = Issuer.generate();
    final Directory directory;
    final String setdaText;
    /** A Setda code signed by a key the verifier does not trust. */
    final String forgedText;
    final Verifier verifier;

    MetricsWorld() {
        Site setda = Site.builder(SETDA).name("Kompleks Setda Sragen")
                .geofence(Geofence.polygon(List.of(GeoPoint.of(-7.4280, 111.0180), GeoPoint.of(-7.4280, 111.0200),
                        GeoPoint.of(-7.4260, 111.0200), GeoPoint.of(-7.4260, 111.0180))))
                .tenants(DISKOMINFO, BAPPEDA).build();
        Site dukcapil = Site.builder(DUKCAPIL_OFFICE).name("Dinas Kependudukan dan Pencatatan Sipil")
                .geofence(Geofence.circle(DUKCAPIL_CENTRE, 60)).tenants(DUKCAPIL).build();
        directory = Directory.builder()
                .agencies(Agency.of(DISKOMINFO, "Diskominfo"), Agency.of(BAPPEDA, "Bappeda Litbang"),
                        Agency.of(DUKCAPIL, "Dispendukcapil"))
                .sites(setda, dukcapil).build();
        SharedCode code = SharedCode.builder(SETDA).covering(DISKOMINFO, BAPPEDA)
                .validFrom(START.minus(Duration.ofDays(30))).validUntil(START.plus(Duration.ofDays(365))).build();
        setdaText = issuer.sign(code);
        forgedText = stranger.sign(code);
        verifier = Verifier.of(TrustList.builder().trust(issuer.publicKey()).build());
    }

    /** At most 2 people present at the Setda complex; at most 2 guests a day at the civil registry. */
    static CapacityPolicy policy() {
        return CapacityPolicy.builder().maxPresent(SETDA, 2).dailyQuota(DUKCAPIL_OFFICE, 2).build();
    }

    Gate.Builder gate() {
        return Gate.builder().directory(directory).verifier(verifier).clock(clock);
    }

    static VisitorRef visitor(int n) {
        return VisitorRef.pseudonymise(String.format(Locale.ROOT, "331401%010d", n), SECRET);
    }

    CheckIn scan(int visitor, AgencyId agency, GeoPoint at) {
        return scan(setdaText, visitor, agency, at);
    }

    CheckIn scan(String code, int visitor, AgencyId agency, GeoPoint at) {
        return new CheckIn(code, visitor(visitor), agency, Role.GUEST, Fix.of(at, 10).at(clock.instant()),
                HealthStatus.GREEN);
    }

    static WalkIn walkIn(int visitor, boolean masked) {
        return new WalkIn(DUKCAPIL_OFFICE, DUKCAPIL, visitor(visitor), Role.GUEST, Screening.of(36.6, masked, true));
    }

    static Ticket ticket(Decision decision) {
        if (decision instanceof Decision.Admitted admitted) {
            return admitted.ticket();
        }
        throw new AssertionError("expected an admission, got " + decision);
    }
}
