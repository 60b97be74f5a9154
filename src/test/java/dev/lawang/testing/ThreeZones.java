package dev.lawang.testing;

import dev.lawang.Gate;
import dev.lawang.Screening;
import dev.lawang.WalkIn;
import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.code.Issuer;
import dev.lawang.code.TrustList;
import dev.lawang.code.Verifier;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.directory.Site;
import dev.lawang.directory.SiteId;
import dev.lawang.geo.GeoPoint;
import dev.lawang.geo.Geofence;
import dev.lawang.visit.Role;
import dev.lawang.visit.VisitorRef;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Three civil-registry offices, one in each Indonesian time zone, for the tests of local days: Sragen in WIB
 * (UTC+7), the real office of the {@link Sragen} case, and made-up offices in Makassar, WITA (UTC+8), and Jayapura, WIT
 * (UTC+9). Each allows one face-to-face guest a day, and the directory is the only place that knows the zones.
 */
public final class ThreeZones {
    /** The civil registry agency at every office. */
    public static final AgencyId DUKCAPIL = Sragen.DUKCAPIL;
    /** Sragen, Central Java: WIB. */
    public static final SiteId SRAGEN = Sragen.DUKCAPIL_OFFICE;
    /** Makassar, South Sulawesi: WITA. */
    public static final SiteId MAKASSAR = SiteId.of("dukcapil-makassar");
    /** Jayapura, Papua: WIT. */
    public static final SiteId JAYAPURA = SiteId.of("dukcapil-jayapura");
    /** The offices in zone order. */
    public static final List<SiteId> SITES = List.of(SRAGEN, MAKASSAR, JAYAPURA);

    private static final byte[] SECRET = "the three zones' pseudonym secret, 32+".getBytes(StandardCharsets.US_ASCII);

    private ThreeZones() {
    }

    /**
     * Returns the zone an office has in the directory.
     *
     * @param site one of {@link #SITES}
     * @return its zone
     */
    public static ZoneId zoneOf(SiteId site) {
        return site.equals(SRAGEN) ? ZoneId.of("Asia/Jakarta")
                : site.equals(MAKASSAR) ? ZoneId.of("Asia/Makassar") : ZoneId.of("Asia/Jayapura");
    }

    /**
     * Returns the directory of the three offices.
     *
     * @return the directory
     */
    public static Directory directory() {
        return Directory.builder().agencies(Sragen.agency(DUKCAPIL))
                .sites(Sragen.site(SRAGEN), office(MAKASSAR, -5.1477, 119.4327), office(JAYAPURA, -2.5337, 140.7181))
                .build();
    }

    private static Site office(SiteId id, double latitude, double longitude) {
        return Site.builder(id).name("Dukcapil " + id.value().substring("dukcapil-".length()))
                .geofence(Geofence.circle(GeoPoint.of(latitude, longitude), 60)).zone(zoneOf(id))
                .tenants(DUKCAPIL).build();
    }

    /**
     * Returns the policy: one face-to-face guest a day at each office.
     *
     * @return the policy
     */
    public static CapacityPolicy oneGuestADay() {
        CapacityPolicy.Builder b = CapacityPolicy.builder();
        SITES.forEach(site -> b.dailyQuota(site, DUKCAPIL, 1));
        return b.build();
    }

    /**
     * Returns a gate builder on the directory, with a verifier that trusts a fresh key (the tests use walk-ins).
     *
     * @param clock the gate's clock
     * @return the builder
     */
    public static Gate.Builder gate(Clock clock) {
        return Gate.builder().directory(directory())
                .verifier(Verifier.of(TrustList.builder().trust(Issuer.generate().publicKey()).build()))
                .clock(clock);
    }

    /**
     * Returns the instant of a local time at an office.
     *
     * @param site the office
     * @param day the local day
     * @param time the local time
     * @return the instant
     */
    public static Instant local(SiteId site, LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zoneOf(site)).toInstant();
    }

    /**
     * Returns a guest's walk-in, screened and passed, at an office.
     *
     * @param site the office
     * @param guest a number naming the guest
     * @return the walk-in
     */
    public static WalkIn guest(SiteId site, int guest) {
        return new WalkIn(site, DUKCAPIL, VisitorRef.pseudonymise("guest" + guest, SECRET), Role.GUEST,
                Screening.of(36.6, true, true));
    }
}
