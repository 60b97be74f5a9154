package dev.lawang.demo;

import static dev.lawang.testing.Sragen.BPKPD;
import static dev.lawang.testing.Sragen.DISKOMINFO;
import static dev.lawang.testing.Sragen.DPMPTSP;
import static dev.lawang.testing.Sragen.DUKCAPIL;
import static dev.lawang.testing.Sragen.DUKCAPIL_OFFICE;
import static dev.lawang.testing.Sragen.FAR_AWAY;
import static dev.lawang.testing.Sragen.IN_KEJARI_OFFICE;
import static dev.lawang.testing.Sragen.IN_SETDA;
import static dev.lawang.testing.Sragen.KEJARI;
import static dev.lawang.testing.Sragen.KEJARI_OFFICE;
import static dev.lawang.testing.Sragen.REPORT_DAY;
import static dev.lawang.testing.Sragen.SETDA;
import static dev.lawang.testing.Sragen.WIB;
import static dev.lawang.testing.Sragen.at;
import static dev.lawang.testing.Sragen.visitor;

import dev.lawang.CheckIn;
import dev.lawang.Decision;
import dev.lawang.Gate;
import dev.lawang.GateEvent;
import dev.lawang.RefusalReason;
import dev.lawang.Screening;
import dev.lawang.WalkIn;
import dev.lawang.booking.Booking;
import dev.lawang.booking.BookingDesk;
import dev.lawang.booking.BookingId;
import dev.lawang.booking.BookingStore;
import dev.lawang.booking.Outcome;
import dev.lawang.booking.Service;
import dev.lawang.booking.ServiceId;
import dev.lawang.booking.ServiceReport;
import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.capacity.Occupancy;
import dev.lawang.capacity.OccupancyLedger;
import dev.lawang.code.Display;
import dev.lawang.code.DisplayGrant;
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
import dev.lawang.qr.Poster;
import dev.lawang.qr.QrImages;
import dev.lawang.request.CoverageReport.AgencyRow;
import dev.lawang.request.CoverageReport;
import dev.lawang.request.RequestBook;
import dev.lawang.request.RequestEntry;
import dev.lawang.request.SragenRequests;
import dev.lawang.testing.Sragen;
import dev.lawang.testing.TestClock;
import dev.lawang.visit.EntryChannel;
import dev.lawang.visit.Role;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.Visit;
import dev.lawang.visit.VisitLog;
import dev.lawang.visit.VisitorRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The demo of README command 1 ({@code mvn -q test-compile exec:java}): a working day at the offices of Sragen
 * regency, 15 December 2021.
 *
 * <p>It runs in the shared {@link Sragen} world: the directory of docs/examples/sragen.geojson and the request book
 * of the case ({@link SragenRequests}: one shared code for the 14 units of the Setda complex, one for each other office
 * that had received its code, none for the civil registry), and the civil registry's face-to-face service booked
 * ahead: 100 of its 150 places booked, 20 no-shows whose places go to walk-ins, booked visitors scanning a code of
 * the office's own, and a wait estimate. It writes a PNG and a printable poster per code, runs a
 * day of check-ins, walk-ins, refusals and automatic check-outs on a fixed clock, prints a short log and a summary,
 * and writes {@code target/demo/index.html}.
 */
public final class SragenDemo {
    static final int DUKCAPIL_QUOTA = 150;
    static final SiteId GEMOLONG = SiteId.of("kecamatan-gemolong");
    /** The civil registry's places booked ahead, of its daily quota. */
    static final int BOOKED = 100;
    /** The booked visitors who do not come. */
    static final int NO_SHOWS = 20;
    private static final ServiceId FACE_TO_FACE = ServiceId.of("face-to-face");
    private static final int COUNTERS = 3;

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ROOT);
    private static final DateTimeFormatter POSTER_DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy HH.mm 'WIB'", Locale.forLanguageTag("id"));

    private final Directory directory;
    private final Path out;
    private final TestClock clock = TestClock.at(at(6, 45));
    private final Issuer authority = Issuer.generate();
    private final Map<SiteId, IssuedCode> codes = new LinkedHashMap<>();
    private final Map<String, Integer> eventCounts = new TreeMap<>();
    private final Map<RefusalReason, Integer> refusals = new EnumMap<>(RefusalReason.class);
    private final Map<EntryChannel, Integer> waysIn = new EnumMap<>(EntryChannel.class);
    private final Map<SiteId, Integer> expiredThisHour = new TreeMap<>();
    private final List<DemoPage.Sample> samples = new ArrayList<>();
    private final List<String> notable = new ArrayList<>();
    private final Map<SiteId, Integer> peak = new TreeMap<>();
    private Gate gate;
    private OfflineClinic clinic;
    private BookingDesk desk;
    private String registryCode;
    private ServiceReport report;
    private final List<DemoPage.Wait> waits = new ArrayList<>();
    private RequestBook book;
    private CoverageReport coverage;
    private Display display;
    private DisplayGrant grant;
    private SharedCode legacyBinding;
    private final List<DemoPage.Frame> frames = new ArrayList<>();

    /** The text of the poster an office kept from the regency's earlier check-in system (invented for the demo). */
    static final String LEGACY_POSTER = "SRAGEN-CHECKIN:KEC-GEMOLONG:2021-07";

    private SragenDemo(Directory directory, Path out) {
        this.directory = directory;
        this.out = out;
    }

    /** A code as issued, with the files written for it. */
    record IssuedCode(SharedCode code, String text, String pngFile, String posterFile) {}

    /**
     * Runs the demo.
     *
     * @param args none
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        long started = System.nanoTime();
        Directory directory = Sragen.directory();
        Path out = Path.of("target", "demo");
        Files.createDirectories(out.resolve("codes"));
        SragenDemo demo = new SragenDemo(directory, out);
        System.out.printf("Lawang demo: Sragen regency, %s%n", REPORT_DAY);
        System.out.printf("Loaded %s: %d agencies at %d sites%n", Sragen.FILE, directory.agencies().size(),
                directory.sites().size());
        demo.issueCodes();
        demo.buildGate();
        demo.buildDesk();
        demo.simulateDay();
        demo.summarise();
        Path page = new DemoPage(directory, demo.codes, demo.coverage, demo.samples, demo.notable, demo.refusals, demo.peak,
                DUKCAPIL_QUOTA, demo.frames, demo.report, demo.waits, demo.waysIn, demo.clinic).write(out);
        System.out.printf("%nWrote %s and %d codes (PNG and poster SVG) to %s in %.1f s%n", page.getFileName(),
                demo.codes.size(), out.resolve("codes"), (System.nanoTime() - started) / 1e9);
    }

    /**
     * Codes as they stood in the case, from its request book: the Setda complex (one code for its 14 units), the
     * health sites, the residences and Kejari received theirs; the kecamatan offices were still waiting; the civil
     * registry had none.
     */
    private void issueCodes() throws IOException {
        installDisplay();
        book = SragenRequests.book(directory, authority);
        for (RequestEntry entry : book.entries()) {
            if (entry.code().isEmpty()) {
                continue;
            }
            SharedCode code = entry.code().get();
            String text = entry.codeText().orElseThrow();
            Site site = directory.site(code.site()).orElseThrow();
            String png = "codes/" + site.id().value() + ".png";
            String poster = "codes/" + site.id().value() + "-poster.svg";
            Files.write(out.resolve(png), QrImages.png(text, 512));
            List<String> names = code.agencies().stream().map(a -> directory.agency(a).map(Agency::name)
                    .orElse(a.value())).toList();
            Files.writeString(out.resolve(poster), QrImages.posterSvg(text, Poster.of(site.name(),
                    site.address().orElse(""), names, POSTER_DATE.format(code.validFrom().atZone(WIB)),
                    POSTER_DATE.format(code.validUntil().atZone(WIB)))));
            codes.put(site.id(), new IssuedCode(code, text, png, poster));
        }
        IssuedCode setda = codes.get(SETDA);
        System.out.printf("%nIssued %d signed codes through the request book of the case:%n", codes.size());
        System.out.printf("  the Setda complex: ONE code covering %d units (QR version %d, %d characters), valid"
                + " until %s%n", setda.code().agencies().size(), QrImages.version(setda.text()), setda.text().length(),
                until(List.of(setda)));
        List<IssuedCode> others = codes.values().stream().filter(c -> c != setda).toList();
        System.out.printf("  %d other sites with a code of their own (RSUD, DKK, 25 puskesmas, residences, Kejari),"
                + " valid until %s%n", others.size(), until(others));
        coverage = CoverageReport.of(directory, book, book.issuedCodes(), trust(), at(6, 45));
        System.out.printf("Coverage on the morning of %s: %s%n", REPORT_DAY, coverage.summary());
        for (AgencyRow a : coverage.uncovered()) {
            if (a.state() == CoverageReport.State.NONE && !directory.sitesOf(a.agency()).isEmpty()) {
                System.out.printf("  %s: %s%n", a.name(), "no code and no request: screens visitors by hand");
            }
        }
    }

    /** The last WIB days on which the codes are valid, in order and without repeats. */
    private static String until(List<IssuedCode> issued) {
        return issued.stream().map(c -> c.code().validUntil().atZone(WIB).minusNanos(1))
                .sorted().map(DATE::format).distinct().collect(Collectors.joining(", "));
    }

    /**
     * The Setda complex gets a display at its door, granted for the 14 units for the day; and the Gemolong
     * sub-district office, still waiting for its Lawang code, has its poster of the earlier system registered.
     */
    private void installDisplay() {
        KeyPair screen;
        try {
            screen = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Site setda = directory.site(SETDA).orElseThrow();
        grant = authority.grantDisplay(screen.getPublic(), SharedCode.builder(SETDA).covering(setda.tenants())
                .validFrom(at(6, 0)).validUntil(at(18, 0)).build(), DisplayGrant.DEFAULT_STEP);
        display = Display.of(grant, screen.getPrivate());
        for (int m = 0; m < 6; m++) {
            Instant t = at(9, 13).plus(minutes(m));
            frames.add(new DemoPage.Frame(t, display.codeAt(t), display.svg(t)));
        }
        Site gemolong = directory.site(GEMOLONG).orElseThrow();
        legacyBinding = SharedCode.builder(GEMOLONG).covering(gemolong.tenants()).validFrom(at(0, 0))
                .validUntil(at(0, 0).plus(Duration.ofDays(31))).build();
        System.out.printf("A display at the Setda door shows a new code every %d s (QR version %d, %d characters);"
                + " %s keeps its earlier system's poster, registered for a month%n", grant.step().toSeconds(),
                QrImages.version(display.codeAt(at(9, 0))), display.codeAt(at(9, 0)).length(), gemolong.name());
    }

    private TrustList trust() {
        return TrustList.builder().trust(authority.publicKey()).grant(grant)
                .registerForeign(LEGACY_POSTER, legacyBinding).build();
    }

    private void buildDesk() {
        Service faceToFace = Service.builder(FACE_TO_FACE, DUKCAPIL_OFFICE, DUKCAPIL).bookedPerDay(BOOKED)
                .walkInsPerDay(DUKCAPIL_QUOTA - BOOKED).daysAhead(14).serviceTime(Duration.ofMinutes(10))
                .open(LocalTime.of(8, 0), LocalTime.of(15, 0), DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                        DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                .build();
        desk = BookingDesk.builder(directory, BookingStore.inMemory()).services(faceToFace).clock(clock)
                .maxActive(1).build();
        registryCode = authority.sign(SharedCode.builder(DUKCAPIL_OFFICE).covering(DUKCAPIL)
                .validFrom(at(0, 0)).validUntil(at(0, 0).plus(Duration.ofDays(90))).build());
    }

    private void buildGate() {
        CapacityPolicy policy = CapacityPolicy.builder()
                .maxPresent(SETDA, 120)
                .maxPresent(DUKCAPIL_OFFICE, 50)
                .dailyQuota(DUKCAPIL_OFFICE, DUKCAPIL, DUKCAPIL_QUOTA, Role.GUEST)
                .maxPresent(OfflineClinic.CLINIC, OfflineClinic.MAX_PRESENT)
                .dailyQuota(OfflineClinic.CLINIC, OfflineClinic.QUOTA, Role.GUEST)
                .defaultStay(Duration.ofMinutes(270))
                .build();
        OccupancyLedger ledger = OccupancyLedger.inMemory(policy, clock);
        VisitLog visitLog = VisitLog.inMemory();
        gate = Gate.builder()
                .directory(directory)
                .verifier(Verifier.of(trust()))
                .ledger(ledger)
                .visitLog(visitLog)
                .clock(clock)
                .listener(this::count)
                .build();
        clinic = new OfflineClinic(directory, gate, ledger, visitLog, clock, Verifier.of(trust()), out,
                at(11, 0), at(13, 0), this::say);
    }

    private void count(GateEvent event) {
        eventCounts.merge(event.getClass().getSimpleName(), 1, Integer::sum);
        if (event instanceof GateEvent.Refused r) {
            refusals.merge(r.reason(), 1, Integer::sum);
        } else if (event instanceof GateEvent.Admitted a && !a.repeat()) {
            waysIn.merge(a.visit().channel(), 1, Integer::sum);
        } else if (event instanceof GateEvent.Expired e && e.visit().channel() != EntryChannel.LEASED) {
            expiredThisHour.merge(e.visit().site(), 1, Integer::sum);
        }
    }

    /** One thing that happens at a moment of the day. */
    private record Step(Instant when, int order, Runnable action) {}

    private void simulateDay() {
        SplittableRandom random = new SplittableRandom(20211215);
        PriorityQueue<Step> day = new PriorityQueue<>((a, b) -> a.when().equals(b.when())
                ? Integer.compare(a.order(), b.order()) : a.when().compareTo(b.when()));
        AtomicInteger order = new AtomicInteger();
        Site setda = directory.site(SETDA).orElseThrow();
        List<AgencyId> units = List.copyOf(setda.tenants());
        int[] counters = new int[4];

        // Staff of the 14 units: 5 each, a morning and an afternoon shift; some forget to check out.
        int person = 0;
        for (AgencyId unit : units) {
            for (int k = 0; k < 5; k++) {
                VisitorRef staff = visitor(++person);
                Instant morning = at(7, 0).plus(minutes(random.nextInt(50)));
                Instant lunch = at(11, 0).plus(minutes(random.nextInt(30)));
                Instant afternoon = at(12, 30).plus(minutes(random.nextInt(30)));
                Instant home = at(15, 30).plus(minutes(random.nextInt(45)));
                boolean forgetsMorning = random.nextInt(5) == 0;
                boolean forgetsEvening = random.nextInt(6) == 0;
                TicketId[] ticket = new TicketId[1];
                day.add(new Step(morning, order.incrementAndGet(), () -> {
                    ticket[0] = admit(gate.checkIn(new CheckIn(codes.get(SETDA).text(), staff, unit, Role.STAFF,
                            fixAt(IN_SETDA), null)), null);
                    counters[0]++;
                }));
                if (!forgetsMorning) {
                    day.add(new Step(lunch, order.incrementAndGet(), () -> gate.checkOut(ticket[0])));
                }
                day.add(new Step(afternoon, order.incrementAndGet(), () -> ticket[0] = admit(gate.checkIn(
                        new CheckIn(codes.get(SETDA).text(), staff, unit, Role.STAFF, fixAt(IN_SETDA), null)), null)));
                if (!forgetsEvening) {
                    day.add(new Step(home, order.incrementAndGet(), () -> gate.checkOut(ticket[0])));
                }
            }
        }
        day.add(new Step(at(7, 55), order.incrementAndGet(), () -> say(at(7, 55), String.format(
                "%d staff of the %d Setda units checked in with the one shared code", counters[0], units.size()))));

        // Guests of the Setda units through the day; a quarter forget to check out.
        for (int g = 0; g < 110; g++) {
            VisitorRef guest = visitor(++person);
            AgencyId unit = units.get(random.nextInt(units.size()));
            Instant arrives = at(8, 0).plus(minutes(random.nextInt(6 * 60 + 30)));
            Instant leaves = arrives.plus(minutes(15 + random.nextInt(75)));
            boolean forgets = random.nextInt(4) == 0;
            boolean first = g < 2;
            TicketId[] ticket = new TicketId[1];
            day.add(new Step(arrives, order.incrementAndGet(), () -> ticket[0] = admit(gate.checkIn(
                    new CheckIn(codes.get(SETDA).text(), guest, unit, Role.GUEST, fixAt(IN_SETDA), null)),
                    first ? "guest for " + unit + " at the Setda complex" : null)));
            if (!forgets) {
                day.add(new Step(leaves, order.incrementAndGet(), () -> {
                    if (ticket[0] != null) {
                        gate.checkOut(ticket[0]);
                    }
                }));
            }
        }

        // Guests at the hospital and the health centres, each with its own code.
        List<Site> health = directory.sites().stream().filter(s -> codes.containsKey(s.id())
                && !s.id().equals(OfflineClinic.CLINIC) && (s.id().value().startsWith("puskesmas-") || s.id().value().startsWith("rsud"))).toList();
        for (int g = 0; g < 90; g++) {
            VisitorRef patient = visitor(++person);
            Site site = health.get(random.nextInt(health.size()));
            AgencyId agency = site.tenants().iterator().next();
            Instant arrives = at(7, 30).plus(minutes(random.nextInt(7 * 60)));
            TicketId[] ticket = new TicketId[1];
            day.add(new Step(arrives, order.incrementAndGet(), () -> ticket[0] = admit(gate.checkIn(new CheckIn(
                    codes.get(site.id()).text(), patient, agency, Role.GUEST,
                    fixAt(Sragen.inside(site.id())), null)), null)));
            day.add(new Step(arrives.plus(minutes(20 + random.nextInt(100))), order.incrementAndGet(), () -> {
                if (ticket[0] != null) {
                    gate.checkOut(ticket[0]);
                }
            }));
        }

        // The civil registry's face-to-face service: 100 of its 150 places booked ahead, 80 of them come; the desk
        // screens walk-ins by hand, 50 places and, after 10:00, the 20 no-shows' places; the 151st person is refused.
        for (int k = 0; k < 6; k++) {
            VisitorRef clerk = visitor(++person);
            day.add(new Step(at(7, 20).plus(minutes(k)), order.incrementAndGet(), () -> admit(gate.walkIn(
                    new WalkIn(DUKCAPIL_OFFICE, DUKCAPIL, clerk, Role.STAFF, Screening.of(36.4, true, true))), null)));
        }
        for (int b = 1; b <= BOOKED; b++) {
            VisitorRef resident = visitor(++person);
            int n = b;
            Outcome held = desk.reserve(FACE_TO_FACE, resident, REPORT_DAY);
            BookingId booking = ((Outcome.Done) held).booking().id();
            desk.confirm(booking);
            if (b > BOOKED - NO_SHOWS) {
                continue;
            }
            Instant arrives = at(7, 30).plus(Duration.ofSeconds(110L * (b - 1)));
            if (n % 10 == 0) { // without a phone: the desk registers the booked arrival, screened by hand
                day.add(new Step(arrives, order.incrementAndGet(), () -> served(gate.arrive(desk, booking, new WalkIn(
                        DUKCAPIL_OFFICE, DUKCAPIL, resident, Role.GUEST, Screening.of(36.6, true, true))),
                        n == 10 ? "booked visitor #10, without a phone, is registered at the desk" : null, day,
                        order)));
                continue;
            }
            day.add(new Step(arrives, order.incrementAndGet(), () -> served(gate.arrive(desk, booking, new CheckIn(
                    registryCode, resident, DUKCAPIL, Role.GUEST, fixAt(Sragen.IN_DUKCAPIL_OFFICE), null)),
                    n == 1 || n == BOOKED - NO_SHOWS ? "booked visitor #" + n + " scans the civil registry's code"
                    : null, day, order)));
        }
        day.add(new Step(at(7, 0), order.incrementAndGet(), () -> say(at(7, 0), String.format(
                "Dispendukcapil: %d of %d places booked ahead and confirmed, %d kept for walk-ins", BOOKED,
                DUKCAPIL_QUOTA, DUKCAPIL_QUOTA - BOOKED))));
        for (int w = 1; w <= DUKCAPIL_QUOTA - BOOKED + NO_SHOWS + 1; w++) {
            VisitorRef resident = visitor(++person);
            Instant arrives = at(8, 0).plus(Duration.ofSeconds(150L * (w - 1)));
            int n = w;
            day.add(new Step(arrives, order.incrementAndGet(), () -> {
                Outcome o = gate.walkIn(desk, FACE_TO_FACE, new WalkIn(DUKCAPIL_OFFICE, DUKCAPIL,
                        resident, Role.GUEST, Screening.of(36.2 + (n % 9) / 10.0, true, true)));
                boolean tell = n == 1 || n == 50 || n == 51 || n == DUKCAPIL_QUOTA - BOOKED + NO_SHOWS
                        || n == DUKCAPIL_QUOTA - BOOKED + NO_SHOWS + 1;
                String story = n == DUKCAPIL_QUOTA - BOOKED + NO_SHOWS + 1
                        ? "walk-in #" + n + ", the day's person #" + (DUKCAPIL_QUOTA + 1) + " at Dispendukcapil"
                        : "walk-in #" + n + " at Dispendukcapil, screened by hand";
                served(o, tell ? story : null, day, order);
            }));
        }
        VisitorRef feverish = visitor(++person);
        day.add(new Step(at(9, 17), order.incrementAndGet(), () -> served(gate.walkIn(desk, FACE_TO_FACE,
                new WalkIn(DUKCAPIL_OFFICE, DUKCAPIL, feverish, Role.GUEST, Screening.of(38.1, true, true))),
                "walk-in with a fever", day, order)));

        // The special cases.
        VisitorRef twice = visitor(++person);
        day.add(new Step(at(9, 0), order.incrementAndGet(), () -> admit(gate.checkIn(new CheckIn(
                codes.get(SETDA).text(), twice, BPKPD, Role.GUEST, fixAt(IN_SETDA), null)), "guest for bpkpd")));
        day.add(new Step(at(9, 3), order.incrementAndGet(), () -> admit(gate.checkIn(new CheckIn(
                codes.get(SETDA).text(), twice, BPKPD, Role.GUEST, fixAt(IN_SETDA), null)),
                "the same guest scans the poster again")));
        day.add(new Step(at(10, 40), order.incrementAndGet(), () -> admit(gate.checkIn(new CheckIn(
                codes.get(KEJARI_OFFICE).text(), twice, KEJARI, Role.GUEST, fixAt(IN_KEJARI_OFFICE), null)),
                "the same guest checks in at Kejari: the Setda visit is closed first")));
        VisitorRef atHome = visitor(++person);
        day.add(new Step(at(9, 40), order.incrementAndGet(), () -> admit(gate.checkIn(new CheckIn(
                codes.get(SETDA).text(), atHome, DPMPTSP, Role.GUEST, fixAt(FAR_AWAY), null)),
                "a photographed poster, scanned at home")));
        Issuer forger = Issuer.generate();
        String forged = forger.sign(SharedCode.builder(SETDA).covering(units).validFrom(at(0, 0))
                .validUntil(at(23, 0)).build());
        VisitorRef fooled = visitor(++person);
        day.add(new Step(at(10, 5), order.incrementAndGet(), () -> admit(gate.checkIn(new CheckIn(forged, fooled,
                DISKOMINFO, Role.GUEST, fixAt(IN_SETDA), null)),
                "a look-alike poster signed by someone else")));
        Site kejari = directory.site(KEJARI_OFFICE).orElseThrow();
        String expired = authority.sign(SharedCode.builder(KEJARI_OFFICE).covering(kejari.tenants())
                .validFrom(at(0, 0).minus(Duration.ofDays(105))).validUntil(at(0, 0).minus(Duration.ofDays(14)))
                .build());
        VisitorRef late = visitor(++person);
        day.add(new Step(at(10, 20), order.incrementAndGet(), () -> admit(gate.checkIn(new CheckIn(expired, late,
                KEJARI, Role.GUEST, fixAt(IN_KEJARI_OFFICE), null)),
                "Kejari's old poster, not yet taken down")));

        // The display at the Setda door: a visitor scans the screen; a photo of it reaches someone at home later.
        VisitorRef atTheDoor = visitor(++person);
        String[] photo = new String[1];
        day.add(new Step(at(9, 15), order.incrementAndGet(), () -> {
            photo[0] = display.codeAt(clock.instant());
            admit(gate.checkIn(new CheckIn(photo[0], atTheDoor, DISKOMINFO, Role.GUEST, fixAt(IN_SETDA), null)),
                    "a guest scans the display at the Setda door");
        }));
        VisitorRef relayed = visitor(++person);
        day.add(new Step(at(9, 20), order.incrementAndGet(), () -> admit(gate.checkIn(new CheckIn(photo[0], relayed,
                DISKOMINFO, Role.GUEST, fixAt(IN_SETDA), null)), "a photo of the display, relayed 5 minutes later")));
        // An office that still has the earlier system's poster: admitted through its registration.
        VisitorRef resident = visitor(++person);
        AgencyId gemolongOffice = directory.site(GEMOLONG).orElseThrow().tenants().iterator().next();
        day.add(new Step(at(10, 30), order.incrementAndGet(), () -> admit(gate.checkIn(new CheckIn(LEGACY_POSTER,
                resident, gemolongOffice, Role.GUEST, fixAt(Sragen.inside(GEMOLONG)), null)),
                "the earlier system's poster at Kecamatan Gemolong (registered)")));

        // Puskesmas Karangmalang loses its link from 11:00 to 13:00; its kiosk decides meanwhile.
        clinic.schedule((t, action) -> day.add(new Step(t, order.incrementAndGet(), action)),
                n -> visitor(500 + n), codes.get(OfflineClinic.CLINIC).text(),
                codes.get(OfflineClinic.HOSPITAL).text());

        // The sweeper, every five minutes, like a host's scheduler; it also samples occupancy for the chart.
        for (Instant t = at(6, 45); !t.isAfter(at(17, 30)); t = t.plus(minutes(5))) {
            Instant tick = t;
            day.add(new Step(tick, Integer.MAX_VALUE, () -> sweep(tick)));
        }

        System.out.println("\nThe day, " + REPORT_DAY + " (times WIB):");
        while (!day.isEmpty()) {
            Step step = day.poll();
            clock.set(step.when());
            step.action().run();
        }
    }

    private void sweep(Instant tick) {
        gate.expireStays();
        int noShows = desk.markNoShows();
        if (noShows > 0) {
            say(tick, String.format("%d booked visitors did not come by 10:00: their places go to the walk-ins",
                    noShows));
        }
        if (tick.atZone(WIB).getMinute() == 0 && tick.atZone(WIB).getHour() >= 8
                && tick.atZone(WIB).getHour() <= 12) {
            Duration wait = desk.waitEstimate(FACE_TO_FACE, COUNTERS);
            waits.add(new DemoPage.Wait(tick, wait));
            say(tick, String.format("Dispendukcapil: about %d min wait at %d counters", wait.toMinutes(),
                    COUNTERS));
        }
        ZonedDateTime local = tick.atZone(WIB);
        if (local.getMinute() == 0 && !expiredThisHour.isEmpty()) {
            int total = expiredThisHour.values().stream().mapToInt(Integer::intValue).sum();
            say(tick, String.format("automatic check-out: %d stays ran out in the past hour %s", total,
                    expiredThisHour));
            expiredThisHour.clear();
        }
        int setda = gate.occupancy(SETDA).present();
        Occupancy dukcapil = gate.occupancy(DUKCAPIL_OFFICE, DUKCAPIL);
        int others = 0;
        for (Site site : directory.sites()) {
            int present = gate.occupancy(site.id()).present();
            peak.merge(site.id(), present, Math::max);
            if (!site.id().equals(SETDA) && !site.id().equals(DUKCAPIL_OFFICE)) {
                others += present;
            }
        }
        samples.add(new DemoPage.Sample(tick, setda, gate.occupancy(DUKCAPIL_OFFICE).present(), others,
                dukcapil.admittedToday(), clinic.presentCentrally(), clinic.presentAtTheDoor()));
    }

    /** Prints a decision when it is worth telling, counts it, and returns its ticket if admitted. */
    private TicketId admit(Decision decision, String story) {
        Instant now = clock.instant();
        if (decision instanceof Decision.Admitted a) {
            if (story != null) {
                say(now, String.format("%-62s -> admitted%s, ticket …%s", story, a.repeat() ? " AGAIN (repeat scan:"
                        + " same ticket, counted once)" : "", a.ticket().id().toString().substring(24)));
            }
            return a.ticket().id();
        }
        Decision.Refused r = (Decision.Refused) decision;
        say(now, String.format("%-62s -> REFUSED %s: %s", story == null ? "a visitor" : story, r.reason(),
                r.detail()));
        return null;
    }

    /**
     * Tells a booking step when worth it and, for an arrival, schedules its service at a counter and the
     * check-out.
     */
    private void served(Outcome outcome, String story, PriorityQueue<Step> day, AtomicInteger order) {
        Instant now = clock.instant();
        if (outcome instanceof Outcome.Refused r) {
            say(now, String.format("%-62s -> REFUSED %s: %s", story == null ? "a visitor" : story, r.reason(),
                    r.detail()));
            return;
        }
        Booking booking = ((Outcome.Done) outcome).booking();
        if (story != null) {
            say(now, String.format("%-62s -> admitted (%s), ticket …%s", story, booking.channel(),
                    booking.ticket().toString().substring(24)));
        }
        Instant done = now.plus(minutes(8 + booking.id().hashCode() % 5 + 5));
        day.add(new Step(done, order.incrementAndGet(), () -> {
            desk.served(booking.id());
            gate.checkOut(booking.ticket());
        }));
    }

    private void say(Instant when, String line) {
        String text = CLOCK.format(when.atZone(WIB)) + "  " + line;
        System.out.println("  " + text);
        notable.add(text);
    }

    private void summarise() {
        System.out.println("\nSummary:");
        System.out.printf("  events: %s%n", eventCounts);
        System.out.printf("  refusals: %s%n", refusals);
        System.out.printf("  ways in: %s%n", waysIn);
        Occupancy dukcapil = gate.occupancy(DUKCAPIL_OFFICE, DUKCAPIL);
        report = desk.report(FACE_TO_FACE, REPORT_DAY, REPORT_DAY);
        System.out.printf("  Dispendukcapil: %d guests served face to face today (quota %d): %d booked and arrived,"
                + " %d walk-ins; %d no-shows (%.0f %%); the next was turned away%n", dukcapil.admittedToday(),
                DUKCAPIL_QUOTA, report.arrived(), report.walkIns(), report.noShows(), 100 * report.noShowRate());
        System.out.printf("  Setda complex: peak %d present (limit 120), %d guests admitted today%n", peak.get(SETDA),
                gate.occupancy(SETDA).admittedToday());
        List<Visit> tracked = gate.visitLog().visitsOf(visitor(71));
        if (!tracked.isEmpty()) {
            Visit first = tracked.get(0);
            List<Visit> contacts = gate.visitLog().overlapping(first, Duration.ofMinutes(15));
            System.out.printf("  contact tracing: one Setda guest's visit %s–%s overlapped %d visits of other people"
                    + " (15 min margin)%n", CLOCK.format(first.in().atZone(WIB)),
                    first.out().map(o -> CLOCK.format(o.atZone(WIB))).orElse("open"), contacts.size());
        }
        int kept = countVisits();
        clock.set(at(17, 30).plus(Duration.ofDays(15)));
        gate.expireStays();
        System.out.printf("  retention: %d visits in the log tonight; 15 days later, %d (kept for %d days)%n", kept,
                countVisits(), gate.retention().toDays());
    }

    private int countVisits() {
        int n = 0;
        for (int p = 1; p <= 700; p++) {
            n += gate.visitLog().visitsOf(visitor(p)).size();
        }
        return n;
    }

    private Fix fixAt(GeoPoint point) {
        return Fix.of(point, 8).at(clock.instant());
    }

    private static Duration minutes(long m) {
        return Duration.ofMinutes(m);
    }
}
