package dev.lawang.testing;

import dev.lawang.directory.Agency;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.directory.Site;
import dev.lawang.directory.SiteId;
import dev.lawang.geo.GeoPoint;
import dev.lawang.visit.VisitorRef;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Sragen case, one world for the tests and the demo: the directory of {@code docs/examples/sragen.geojson} (66
 * agencies at 52 sites), the ids the tests name, points inside the fences of the sites they use and one far from
 * every site, the day of the newspaper report (15 December 2021, WIB), and visitors with made-up national ids.
 *
 * <p>The directory is read once, when the class is first used, from the working directory of the build (the project
 * root). Every point here is derived from the directory or checked against it in {@code SragenTest}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Sragen {
    /** The directory file of the case, relative to the project root. */
    public static final Path FILE = Path.of("docs/examples/sragen.geojson");
    /** Western Indonesia Time, the zone of every site in Sragen. */
    public static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    /** Wednesday 15 December 2021, the day of the newspaper report. */
    public static final LocalDate REPORT_DAY = LocalDate.of(2021, 12, 15);

    /** The regional secretariat complex: one polygon housing the 14 units of {@link #SETDA_UNITS}. */
    public static final SiteId SETDA = SiteId.of("setda-complex");
    /** The civil registry's office, which had no code and screened walk-ins by hand. */
    public static final SiteId DUKCAPIL_OFFICE = SiteId.of("dispendukcapil");
    /** The district prosecutor's office, a circle of 50 m. */
    public static final SiteId KEJARI_OFFICE = SiteId.of("kejari-sragen");

    /** The regional secretariat itself: the parent of the ten sections, with no site of its own. */
    public static final AgencyId SEKRETARIAT_DAERAH = AgencyId.of("setda");
    /** Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu, at the Setda complex. */
    public static final AgencyId DPMPTSP = AgencyId.of("dpmptsp");
    /** Badan Pengelolaan Keuangan dan Pendapatan Daerah, at the Setda complex. */
    public static final AgencyId BPKPD = AgencyId.of("bpkpd");
    /** Bappeda Litbang, the planning agency, at the Setda complex. */
    public static final AgencyId BAPPEDA = AgencyId.of("bappeda-litbang");
    /** Dinas Komunikasi dan Informatika, at the Setda complex; it asked for the complex's shared code. */
    public static final AgencyId DISKOMINFO = AgencyId.of("diskominfo");
    /** Bagian Umum, a section of the secretariat, at the Setda complex. */
    public static final AgencyId BAGIAN_UMUM = AgencyId.of("bagian-umum");
    /** Bagian Hukum, a section of the secretariat, at the Setda complex. */
    public static final AgencyId BAGIAN_HUKUM = AgencyId.of("bagian-hukum");
    /** Bagian Organisasi, a section of the secretariat, at the Setda complex. */
    public static final AgencyId BAGIAN_ORGANISASI = AgencyId.of("bagian-organisasi");
    /** Dinas Kependudukan dan Pencatatan Sipil, the civil registry, at {@link #DUKCAPIL_OFFICE}. */
    public static final AgencyId DUKCAPIL = AgencyId.of("dispendukcapil");
    /** Kejaksaan Negeri Sragen, the district prosecutor, at {@link #KEJARI_OFFICE}. */
    public static final AgencyId KEJARI = AgencyId.of("kejari");

    /** The 14 units at the Setda complex, in the order of the file: 4 agencies, then the 10 sections. */
    public static final List<AgencyId> SETDA_UNITS = List.of(DPMPTSP, BPKPD, BAPPEDA, DISKOMINFO, BAGIAN_UMUM,
            BAGIAN_HUKUM, BAGIAN_ORGANISASI, AgencyId.of("bagian-perekonomian"), AgencyId.of("bagian-pemerintahan"),
            AgencyId.of("bagian-kesejahteraan-rakyat"), AgencyId.of("bagian-pengadaan-barang-jasa"),
            AgencyId.of("bagian-protokol-komunikasi-pimpinan"), AgencyId.of("bagian-administrasi-pembangunan"),
            AgencyId.of("bagian-perencanaan-keuangan"));

    private static final Directory DIRECTORY = read();

    /**
     * The 64 agencies that had a code or had asked for one on the report day, in the order of the file: all but the
     * secretariat itself (no site) and the civil registry (no request); as many as one code can cover.
     */
    public static final List<AgencyId> WITH_A_REQUEST = DIRECTORY.agencies().stream().map(Agency::id)
            .filter(a -> !Set.of(SEKRETARIAT_DAERAH, DUKCAPIL).contains(a)).toList();

    /** A point inside the Setda complex's fence. */
    public static final GeoPoint IN_SETDA = inside(SETDA);
    /** A point inside the civil registry office's fence. */
    public static final GeoPoint IN_DUKCAPIL_OFFICE = inside(DUKCAPIL_OFFICE);
    /** The centre of the Kejari office's circle. */
    public static final GeoPoint IN_KEJARI_OFFICE = inside(KEJARI_OFFICE);
    /**
     * A point more than 600 m from every site's fence: 0.0090 degrees of latitude (995 m) due north of the Setda
     * complex's northern edge, which runs along latitude -7.4247 from longitude 111.0196 to 111.0224.
     */
    public static final GeoPoint FAR_AWAY = GeoPoint.of(-7.4157, 111.0210);

    /** The pseudonym secret of every visitor here; no test needs to see it. */
    private static final byte[] SECRET = "the Sragen tests' pseudonym secret, 32+".getBytes(StandardCharsets.US_ASCII);

    private Sragen() {
    }

    private static Directory read() {
        try (Reader in = Files.newBufferedReader(FILE, StandardCharsets.UTF_8)) {
            return Directory.readGeoJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE.toAbsolutePath(), e);
        }
    }

    /**
     * Returns the directory of the case.
     *
     * @return the directory read from {@link #FILE}, the same instance every time
     */
    public static Directory directory() {
        return DIRECTORY;
    }

    /**
     * Returns a site of the case.
     *
     * @param id the site's id
     * @return the site
     * @throws IllegalArgumentException if the directory has no such site
     */
    public static Site site(SiteId id) {
        return DIRECTORY.site(id).orElseThrow(() -> new IllegalArgumentException("no site " + id + " in " + FILE));
    }

    /**
     * Returns an agency of the case.
     *
     * @param id the agency's id
     * @return the agency
     * @throws IllegalArgumentException if the directory has no such agency
     */
    public static Agency agency(AgencyId id) {
        return DIRECTORY.agency(id).orElseThrow(() -> new IllegalArgumentException("no agency " + id + " in " + FILE));
    }

    /**
     * Returns a point inside a site's fence: the fence's own interior point.
     *
     * @param id the site's id
     * @return the point
     */
    public static GeoPoint inside(SiteId id) {
        return site(id).geofence().interiorPoint();
    }

    /**
     * Returns the instant of a wall-clock time on the report day in Sragen.
     *
     * @param hour the hour, 0 to 23
     * @param minute the minute, 0 to 59
     * @return the instant
     */
    public static Instant at(int hour, int minute) {
        return REPORT_DAY.atTime(LocalTime.of(hour, minute)).atZone(WIB).toInstant();
    }

    /**
     * Returns the instant of a wall-clock time in Sragen.
     *
     * @param localDateTime the local date and time, for example {@code 2021-10-05T09:00}
     * @return the instant
     */
    public static Instant wib(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WIB).toInstant();
    }

    /**
     * Returns a made-up national id (NIK) of Sragen regency (region 3314), one per number.
     *
     * @param n the visitor's number, 0 or more
     * @return 16 digits
     */
    public static String nik(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("visitor number must not be negative: " + n);
        }
        return String.format(Locale.ROOT, "331401%010d", n);
    }

    /**
     * Returns a visitor's pseudonym under the tests' secret.
     *
     * @param n the visitor's number, 0 or more
     * @return the pseudonym of {@link #nik(int) nik(n)}
     */
    public static VisitorRef visitor(int n) {
        return VisitorRef.pseudonymise(nik(n), SECRET);
    }
}
