package dev.lawang.request;

import static dev.lawang.testing.Sragen.wib;

import dev.lawang.code.Issuer;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.directory.Site;
import dev.lawang.testing.Sragen;
import dev.lawang.testing.TestClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The request book of the {@link Sragen} case as it stood on 15 December 2021, the day of the newspaper report;
 * illustrative dates and counts.
 *
 * <ul>
 *   <li>Diskominfo requested one shared code for the Setda complex covering its 14 units (4 agencies, 10
 *       sections); issued on 18 October, valid until 1 January 2022 (WIB), so it is about to run out.</li>
 *   <li>The 25 puskesmas, RSUD, DKK, the regent's and vice regent's residences and Kejari each requested their own
 *       code; all issued in October and November, valid until 1 July 2022.</li>
 *   <li>The 20 kecamatan offices requested codes in November; some are approved, none issued yet.</li>
 *   <li>Dispendukcapil has no code and no request: it screens visitors by hand. Setda itself has no office of its
 *       own in the directory (its sections do), so it has no code either.</li>
 * </ul>
 *
 * <p>The demo and the documentation use it: {@code CoverageReport.of(dir, book, book.issuedCodes(), REPORT_TIME)}.
 */
public final class SragenRequests {
    /** 15 December 2021, 10:00 WIB: the moment of the report. */
    public static final Instant REPORT_TIME = Sragen.at(10, 0);

    private static final Instant SHORT_UNTIL = wib("2022-01-01T00:00");
    private static final Instant LONG_UNTIL = wib("2022-07-01T00:00");

    private SragenRequests() {
    }

    /**
     * Builds the book: every request submitted, reviewed and issued through the book's own checks, with the codes
     * signed by the given issuer.
     *
     * @param sragen the case's directory, {@link Sragen#directory()}
     * @param issuer the ministry's issuer
     * @return the book as of {@link #REPORT_TIME}; {@link RequestBook#issuedCodes()} holds the 31 codes
     */
    public static RequestBook book(Directory sragen, Issuer issuer) {
        return book(sragen, issuer, RequestBook.Store.inMemory());
    }

    /**
     * Builds the book of {@link #book(Directory, Issuer)} in a store.
     *
     * @param sragen the case's directory, {@link Sragen#directory()}
     * @param issuer the ministry's issuer
     * @param store an empty store
     * @return the book as of {@link #REPORT_TIME}
     */
    public static RequestBook book(Directory sragen, Issuer issuer, RequestBook.Store store) {
        TestClock clock = TestClock.at(wib("2021-10-05T09:00"));
        RequestBook book = RequestBook.create(store, clock);

        Site setda = sragen.site(Sragen.SETDA).orElseThrow();
        RequestEntry shared = book.submit(request(setda, Sragen.DISKOMINFO, 600, 300)
                .covering(setda.tenants()).notes("One code for the whole Setda complex, shown in front of"
                        + " Diskominfo.").build(), sragen, "diskominfo:admin");
        clock.set(wib("2021-10-11T10:00"));
        book.approve(shared.id(), "ministry:reviewer");
        clock.set(wib("2021-10-18T08:00"));
        book.issue(shared.id(), issuer, wib("2021-10-18T00:00"), SHORT_UNTIL, "ministry:issuer");

        Instant submitted = wib("2021-10-06T09:00");
        int n = 0;
        for (Site site : sragen.sites()) {
            String id = site.id().value();
            boolean own = id.startsWith("puskesmas-") || id.startsWith("rumdin-")
                    || id.equals("rsud-sragen") || id.equals("dkk-sragen") || site.id().equals(Sragen.KEJARI_OFFICE);
            if (!own) {
                continue;
            }
            AgencyId agency = site.tenants().iterator().next();
            int staff = id.equals("rsud-sragen") ? 900 : id.startsWith("rumdin-") ? 20 : 60;
            int guests = id.equals("rsud-sragen") ? 2_000 : id.startsWith("rumdin-") ? 30 : 120;
            Instant at = submitted.plus(Duration.ofHours(20L * n));
            clock.set(at);
            RequestEntry e = book.submit(request(site, agency, staff, guests).build(), sragen, id + ":admin");
            clock.set(at.plus(Duration.ofDays(5)));
            book.approve(e.id(), "ministry:reviewer");
            clock.set(at.plus(Duration.ofDays(12)));
            book.issue(e.id(), issuer, clock.instant().truncatedTo(ChronoUnit.DAYS), LONG_UNTIL,
                    "ministry:issuer");
            n++;
        }

        Instant kecamatan = wib("2021-11-08T09:00");
        n = 0;
        for (Site site : sragen.sites()) {
            if (!site.id().value().startsWith("kecamatan-")) {
                continue;
            }
            Instant at = kecamatan.plus(Duration.ofHours(26L * n));
            clock.set(at);
            RequestEntry e = book.submit(request(site, site.tenants().iterator().next(), 35, 60).build(), sragen,
                    site.id().value() + ":admin");
            if (n % 3 == 0) {
                clock.set(at.plus(Duration.ofDays(7)));
                book.approve(e.id(), "ministry:reviewer");
            }
            n++;
        }
        clock.set(REPORT_TIME);
        return book;
    }

    /**
     * Builds the coverage report of the case at {@link #REPORT_TIME}, with the codes issued through the book.
     *
     * @param sragen the case's directory, {@link Sragen#directory()}
     * @return the report: 44 of 66 agencies covered, 20 pending, 2 without a code
     */
    public static CoverageReport report(Directory sragen) {
        RequestBook book = book(sragen, Issuer.generate());
        return CoverageReport.of(sragen, book, book.issuedCodes(), REPORT_TIME);
    }

    private static CodeRequest.Builder request(Site site, AgencyId requester, int staff, int guests) {
        String id = site.id().value();
        return CodeRequest.builder(requester, site.id())
                .position(site.geofence().interiorPoint())
                .staffUsers(staff)
                .expectedGuestsPerDay(guests)
                .photo(URI.create("https://files.sragenkab.example/offices/" + id + "/entrance.jpg"))
                .photo(URI.create("https://files.sragenkab.example/offices/" + id + "/front.jpg"))
                .contact(requester.value() + "@sragenkab.example");
    }
}
