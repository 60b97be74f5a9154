package dev.lawang.request;

import static dev.lawang.testing.Sragen.BAGIAN_HUKUM;
import static dev.lawang.testing.Sragen.BAGIAN_ORGANISASI;
import static dev.lawang.testing.Sragen.BAGIAN_UMUM;
import static dev.lawang.testing.Sragen.DISKOMINFO;
import static dev.lawang.testing.Sragen.DUKCAPIL;
import static dev.lawang.testing.Sragen.DUKCAPIL_OFFICE;
import static dev.lawang.testing.Sragen.IN_SETDA;
import static dev.lawang.testing.Sragen.SEKRETARIAT_DAERAH;
import static dev.lawang.testing.Sragen.SETDA;

import dev.lawang.directory.Directory;
import dev.lawang.directory.Site;
import dev.lawang.testing.Sragen;
import java.net.URI;
import java.util.stream.Stream;

/**
 * A corner of the {@link Sragen} world, small enough to write a report for by hand: six agencies and two sites of the
 * case, as the case file has them. The Setda complex (its real fence) houses four of its fourteen units, "diskominfo"
 * and the sections "bagian-umum", "bagian-hukum" and "bagian-organisasi"; the civil registry "dispendukcapil" works
 * at its office; and the secretariat itself, "setda", the sections' parent, works at no site, as in the case.
 * Agencies are in that order: diskominfo, bagian-umum, bagian-hukum, dispendukcapil, bagian-organisasi, setda.
 */
final class SmallRegency {
    private SmallRegency() {
    }

    static Directory directory() {
        Site setda = Sragen.site(SETDA);
        Site fourUnits = Site.builder(SETDA).name(setda.name()).address(setda.address().orElseThrow())
                .geofence(setda.geofence()).zone(setda.zone())
                .tenants(DISKOMINFO, BAGIAN_UMUM, BAGIAN_HUKUM, BAGIAN_ORGANISASI).build();
        return Directory.builder()
                .agencies(Stream.of(DISKOMINFO, BAGIAN_UMUM, BAGIAN_HUKUM, DUKCAPIL, BAGIAN_ORGANISASI,
                        SEKRETARIAT_DAERAH).map(Sragen::agency).toList())
                .sites(fourUnits, Sragen.site(DUKCAPIL_OFFICE))
                .build();
    }

    /** A request by Diskominfo for the Setda complex with every field filled in and nothing wrong. */
    static CodeRequest.Builder completeRequest() {
        return CodeRequest.builder(DISKOMINFO, SETDA)
                .covering(DISKOMINFO, BAGIAN_UMUM, BAGIAN_HUKUM)
                .position(IN_SETDA)
                .staffUsers(40)
                .expectedGuestsPerDay(150)
                .photo(URI.create("https://files.example.go.id/setda/front.jpg"))
                .contact("it.diskominfo@example.go.id")
                .notes("Code to be shown at the main entrance.");
    }
}
