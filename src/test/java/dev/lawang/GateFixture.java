package dev.lawang;

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
import dev.lawang.visit.VisitorRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A small Sragen-like world for gate tests: three sites, a few agencies, codes signed by a trusted issuer. */
final class GateFixture {
    static final byte[] SECRET = "a test secret of at least 32 bytes!!".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    static final Instant START = Instant.parse("2021-12-15T01:00:00Z");

    static final AgencyId DISKOMINFO = AgencyId.of("diskominfo");
    static final AgencyId BAPPEDA = AgencyId.of("bappeda-litbang");
    static final AgencyId BAGIAN_UMUM = AgencyId.of("bagian-umum");
    static final AgencyId DUKCAPIL = AgencyId.of("dispendukcapil");
    static final AgencyId KEJARI = AgencyId.of("kejari");

    static final SiteId SETDA = SiteId.of("setda-complex");
    static final SiteId DUKCAPIL_OFFICE = SiteId.of("dispendukcapil-office");
    static final SiteId KEJARI_OFFICE = SiteId.of("kejari-office");
    static final SiteId NOWHERE = SiteId.of("not-in-directory");

    /** Inside the Setda polygon, about 110 m from every edge. */
    static final GeoPoint SETDA_CENTRE = GeoPoint.of(-7.4270, 111.0190);
    static final GeoPoint KEJARI_CENTRE = GeoPoint.of(-7.4200, 111.0100);
    static final GeoPoint DUKCAPIL_CENTRE = GeoPoint.of(-7.4300, 111.0250);
    /** About 1.1 km north of the Setda complex. */
    static final GeoPoint FAR_AWAY = GeoPoint.of(-7.4170, 111.0190);

    final TestClock clock = TestClock.at(START);
    final Issuer issuer = Issuer.generate();
    final Issuer stranger = Issuer.generate();
    final Directory directory;
    final SharedCode setdaCode;
    final String setdaText;
    final String kejariText;

    GateFixture() {
        Site setda = Site.builder(SETDA).name("Kompleks Setda Sragen")
                .geofence(Geofence.polygon(List.of(GeoPoint.of(-7.4280, 111.0180), GeoPoint.of(-7.4280, 111.0200),
                        GeoPoint.of(-7.4260, 111.0200), GeoPoint.of(-7.4260, 111.0180))))
                .tenants(DISKOMINFO, BAPPEDA, BAGIAN_UMUM).build();
        Site kejari = Site.builder(KEJARI_OFFICE).name("Kejaksaan Negeri Sragen")
                .geofence(Geofence.circle(KEJARI_CENTRE, 60)).tenants(KEJARI).build();
        Site dukcapil = Site.builder(DUKCAPIL_OFFICE).name("Dinas Kependudukan dan Pencatatan Sipil")
                .geofence(Geofence.circle(DUKCAPIL_CENTRE, 60)).tenants(DUKCAPIL).build();
        directory = Directory.builder()
                .agencies(Agency.of(DISKOMINFO, "Diskominfo"), Agency.of(BAPPEDA, "Bappeda Litbang"),
                        Agency.of(BAGIAN_UMUM, "Bagian Umum"), Agency.of(DUKCAPIL, "Dispendukcapil"),
                        Agency.of(KEJARI, "Kejari"))
                .sites(setda, kejari, dukcapil).build();
        setdaCode = code(SETDA, DISKOMINFO, BAPPEDA, BAGIAN_UMUM).build();
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

    static VisitorRef visitor(int n) {
        return VisitorRef.pseudonymise(nik(n), SECRET);
    }

    static String nik(int n) {
        return String.format(java.util.Locale.ROOT, "331401%010d", n);
    }

    CheckIn setdaGuest(int visitor, AgencyId agency) {
        return new CheckIn(setdaText, visitor(visitor), agency, Role.GUEST, at(SETDA_CENTRE), HealthStatus.GREEN);
    }

    CheckIn kejariGuest(int visitor) {
        return new CheckIn(kejariText, visitor(visitor), KEJARI, Role.GUEST, at(KEJARI_CENTRE), HealthStatus.GREEN);
    }

    static WalkIn walkIn(int visitor, Role role) {
        return new WalkIn(DUKCAPIL_OFFICE, DUKCAPIL, visitor(visitor), role, Screening.of(36.6, true, true));
    }
}
