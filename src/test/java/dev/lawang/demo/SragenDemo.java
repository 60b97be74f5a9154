package dev.lawang.demo;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.directory.Site;
import dev.lawang.directory.SiteId;
import dev.lawang.geo.Containment;
import dev.lawang.geo.Fix;
import dev.lawang.geo.GeoPoint;
import dev.lawang.geo.Geofence;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The demo of README command 1: loads the Sragen directory (docs/examples/sragen.geojson) and shows what the library
 * does with it. Run with {@code mvn -q test-compile exec:java}.
 */
public final class SragenDemo {
    private SragenDemo() {}

    /**
     * Runs the demo.
     *
     * @param args an optional path to a directory file instead of the Sragen example
     * @throws IOException if the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "docs/examples/sragen.geojson");
        Directory dir;
        try (Reader reader = Files.newBufferedReader(file)) {
            dir = Directory.readGeoJson(reader);
        }
        System.out.printf("Loaded %s: %d agencies at %d sites%n", file, dir.agencies().size(), dir.sites().size());
        long puskesmas = count(dir, "puskesmas-");
        long kecamatan = count(dir, "kecamatan-");
        System.out.printf("  %d puskesmas, %d kecamatan offices, %d other sites%n", puskesmas, kecamatan,
                dir.sites().size() - puskesmas - kecamatan);

        Site setda = dir.site(SiteId.of("setda-complex")).orElseThrow();
        System.out.printf("%nOne shared site: %s houses %d units:%n", setda.name(), setda.tenants().size());
        System.out.println("  " + setda.tenants().stream()
                .map(id -> dir.agency(id).orElseThrow().name())
                .collect(Collectors.joining(", ")));
        System.out.printf("  Sections of %s: %d%n", dir.agency(AgencyId.of("setda")).orElseThrow().name(),
                dir.subAgencies(AgencyId.of("setda")).size());

        System.out.println("\nWhich site is here? (Directory.sitesAt, through the spatial index)");
        GeoPoint puskesmasGemolong = dir.site(SiteId.of("puskesmas-gemolong")).orElseThrow().geofence()
                .interiorPoint();
        List<Place> places = List.of(
                new Place("in the Setda courtyard", GeoPoint.of(-7.4265, 111.0210)),
                new Place("at Puskesmas Gemolong", puskesmasGemolong),
                new Place("in a rice field near Ngrampal", GeoPoint.of(-7.4000, 110.9900)));
        for (Place place : places) {
            List<Site> here = dir.sitesAt(place.point());
            System.out.printf("  %-32s %s%n", place.label() + ":",
                    here.isEmpty() ? "no site" : here.stream().map(Site::name).collect(Collectors.joining(", ")));
        }

        Geofence fence = setda.geofence();
        System.out.printf("%nIs the visitor inside %s? (Geofence.locate at 95 %% confidence)%n", setda.name());
        GeoPoint gate = GeoPoint.of(-7.4247, 111.0210);
        List<Example> fixes = List.of(
                new Example("courtyard, good GPS (5 m)", Fix.of(GeoPoint.of(-7.4265, 111.0210), 5)),
                new Example("courtyard, indoor GPS (65 m)", Fix.of(GeoPoint.of(-7.4265, 111.0210), 65)),
                new Example("at the front gate (8 m)", Fix.of(gate, 8)),
                new Example("across the road (10 m)", Fix.of(GeoPoint.of(-7.4244, 111.0210), 10)),
                new Example("at the alun-alun (30 m)", Fix.of(GeoPoint.of(-7.4310, 111.0250), 30)));
        for (Example example : fixes) {
            Containment at95 = fence.locate(example.fix());
            Containment at99 = fence.locate(example.fix(), 0.99);
            System.out.printf(Locale.ROOT, "  %-30s %-9s (at 99 %%: %-9s) %6.1f m from the fence%n",
                    example.label(), at95, at99, fence.distanceTo(example.fix().point()));
        }
    }

    private static long count(Directory dir, String prefix) {
        return dir.sites().stream().filter(s -> s.id().value().startsWith(prefix)).count();
    }

    private record Place(String label, GeoPoint point) {}

    private record Example(String label, Fix fix) {}
}
