package dev.lawang.request;

import dev.lawang.directory.Agency;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.directory.Site;
import dev.lawang.directory.SiteId;
import dev.lawang.geo.GeoPoint;
import dev.lawang.geo.Geofence;
import java.net.URI;

/**
 * A hand-built directory of two sites and six agencies, small enough to write a report for by hand:
 * the "civic centre" (a circle of 75 m) houses the secretariat sections "bagian-umum" and "bagian-hukum" and the
 * agency "diskominfo"; the "registry office" (a circle of 50 m, 1.1 km east) houses "dukcapil" and "dinsos";
 * "kejari" works at no site of this directory.
 */
final class SmallRegency {
    static final GeoPoint CIVIC_CENTRE = GeoPoint.of(-7.4275, 111.0186);
    static final GeoPoint REGISTRY = GeoPoint.of(-7.4275, 111.0286);

    static final SiteId CIVIC = SiteId.of("civic-centre");
    static final SiteId REGISTRY_OFFICE = SiteId.of("registry-office");
    static final AgencyId DISKOMINFO = AgencyId.of("diskominfo");
    static final AgencyId UMUM = AgencyId.of("bagian-umum");
    static final AgencyId HUKUM = AgencyId.of("bagian-hukum");
    static final AgencyId DUKCAPIL = AgencyId.of("dukcapil");
    static final AgencyId DINSOS = AgencyId.of("dinsos");
    static final AgencyId KEJARI = AgencyId.of("kejari");

    private SmallRegency() {
    }

    static Directory directory() {
        Site civic = Site.builder(CIVIC).name("Civic Centre").address("Jl. Raya Sukowati 1")
                .geofence(Geofence.circle(CIVIC_CENTRE, 75)).tenants(DISKOMINFO, UMUM, HUKUM).build();
        Site registry = Site.builder(REGISTRY_OFFICE).name("Registry Office").address("Jl. Raya Sukowati 9")
                .geofence(Geofence.circle(REGISTRY, 50)).tenants(DUKCAPIL, DINSOS).build();
        return Directory.builder()
                .agencies(Agency.of("diskominfo", "Dinas Komunikasi dan Informatika"),
                        Agency.of("bagian-umum", "Bagian Umum"),
                        Agency.of("bagian-hukum", "Bagian Hukum"),
                        Agency.of("dukcapil", "Dinas Kependudukan dan Pencatatan Sipil"),
                        Agency.of("dinsos", "Dinas Sosial"),
                        Agency.of("kejari", "Kejaksaan Negeri"))
                .sites(civic, registry)
                .build();
    }

    /** A request by Diskominfo for the civic centre with every field filled in and nothing wrong. */
    static CodeRequest.Builder completeRequest() {
        return CodeRequest.builder(DISKOMINFO, CIVIC)
                .covering(DISKOMINFO, UMUM, HUKUM)
                .position(CIVIC_CENTRE)
                .staffUsers(40)
                .expectedGuestsPerDay(150)
                .photo(URI.create("https://files.example.go.id/civic/front.jpg"))
                .contact("it.diskominfo@example.go.id")
                .notes("Code to be shown at the main entrance.");
    }
}
