package dev.lawang.request;

import static dev.lawang.testing.Sragen.BAGIAN_HUKUM;
import static dev.lawang.testing.Sragen.BAGIAN_ORGANISASI;
import static dev.lawang.testing.Sragen.BAGIAN_UMUM;
import static dev.lawang.testing.Sragen.DISKOMINFO;
import static dev.lawang.testing.Sragen.DUKCAPIL;
import static dev.lawang.testing.Sragen.DUKCAPIL_OFFICE;
import static dev.lawang.testing.Sragen.SEKRETARIAT_DAERAH;
import static dev.lawang.testing.Sragen.SETDA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.code.Issuer;
import dev.lawang.code.SharedCode;
import dev.lawang.code.TrustList;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.directory.SiteId;
import dev.lawang.request.CodeRequest.Problem;
import dev.lawang.request.CoverageReport.AgencyRow;
import dev.lawang.request.CoverageReport.CoveringCode;
import dev.lawang.request.CoverageReport.ExpiringSite;
import dev.lawang.request.CoverageReport.State;
import dev.lawang.testing.Sragen;
import dev.lawang.testing.TestClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The report for {@link SmallRegency} on 15 December 2021 at 10:00 WIB, with the expected text written by hand.
 */
class CoverageReportTest {
    private static final Instant NOW = Instant.parse("2021-12-15T03:00:00Z");

    private final Directory directory = SmallRegency.directory();
    private final TestClock clock = TestClock.at(Instant.parse("2021-12-02T02:00:00Z"));
    private final RequestBook book = RequestBook.create(clock);

    /** Shared by Diskominfo and Bagian Umum, ends in 16 days. */
    private final SharedCode shared = code(SETDA, "2021-12-01T00:00:00Z", "2021-12-31T17:00:00Z", DISKOMINFO,
            BAGIAN_UMUM);
    /** Bagian Hukum's own code, ends in 5 days, while the shared code at the same site lasts longer. */
    private final SharedCode own = code(SETDA, "2021-12-01T00:00:00Z", "2021-12-20T17:00:00Z", BAGIAN_HUKUM);
    /** Dukcapil's code, revoked in the trust list. */
    private final SharedCode revoked = code(DUKCAPIL_OFFICE, "2021-12-01T00:00:00Z", "2022-06-01T00:00:00Z",
            DUKCAPIL);
    /** Dukcapil's earlier code, expired. */
    private final SharedCode expired = code(DUKCAPIL_OFFICE, "2021-06-01T00:00:00Z", "2021-12-01T00:00:00Z",
            DUKCAPIL);
    /** Bagian Organisasi's code, valid only from next year. */
    private final SharedCode notYetValid = code(SETDA, "2022-01-01T00:00:00Z", "2022-06-01T00:00:00Z",
            BAGIAN_ORGANISASI);
    private final TrustList trust = TrustList.builder().trust(Issuer.generate().publicKey()).revoke(revoked.id())
            .build();

    private static SharedCode code(SiteId site, String from, String until, AgencyId... agencies) {
        return SharedCode.builder(site).covering(agencies).validFrom(Instant.parse(from))
                .validUntil(Instant.parse(until)).build();
    }

    /** A request of an agency for a code of its own at the one site where it works. */
    private CodeRequest.Builder ownRequest(AgencyId agency) {
        SiteId site = directory.sitesOf(agency).get(0).id();
        return CodeRequest.builder(agency, site).position(Sragen.inside(site)).staffUsers(12)
                .expectedGuestsPerDay(40).photo(URI.create("https://example.go.id/entrance.jpg"))
                .contact("office@example.go.id");
    }

    private CoverageReport report() {
        RequestEntry organisasi = book.submit(ownRequest(BAGIAN_ORGANISASI).build(), directory, "office:organisasi");
        clock.set(Instant.parse("2021-12-06T03:00:00Z"));
        book.reject(organisasi.id(), "kominfo:reviewer", "Wrong position, please resend.");
        clock.set(Instant.parse("2021-12-10T01:30:00Z"));
        book.submit(ownRequest(DUKCAPIL).build(), directory, "office:dukcapil");
        return CoverageReport.of(directory, book, List.of(shared, own, revoked, expired, notYetValid), trust, NOW);
    }

    @Test
    void report_putsEveryAgencyInExactlyOneState() {
        CoverageReport report = report();

        assertThat(report.at()).isEqualTo(NOW);
        assertThat(report.agencies()).extracting(AgencyRow::agency)
                .containsExactly(DISKOMINFO, BAGIAN_UMUM, BAGIAN_HUKUM, DUKCAPIL, BAGIAN_ORGANISASI,
                        SEKRETARIAT_DAERAH);
        assertThat(report.agencies()).extracting(AgencyRow::state).containsExactly(State.COVERED,
                State.COVERED, State.COVERED, State.PENDING, State.REJECTED,
                State.NONE);
        assertThat(report.counts()).containsEntry(State.COVERED, 3).containsEntry(State.PENDING, 1)
                .containsEntry(State.REJECTED, 1).containsEntry(State.NONE, 1);
        assertThat(report.uncovered()).extracting(AgencyRow::agency).containsExactly(DUKCAPIL, BAGIAN_ORGANISASI,
                SEKRETARIAT_DAERAH);
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void report_saysWhichCodeCoversAnAgencyAndWhetherItIsShared() {
        CoverageReport report = report();

        AgencyRow umum = report.agencies().get(1);
        AgencyRow hukum = report.agencies().get(2);
        assertThat(umum.codes()).containsExactly(new CoveringCode(shared.id(), SETDA, 2,
                Instant.parse("2021-12-31T17:00:00Z")));
        assertThat(umum.codes().get(0).isShared()).isTrue();
        assertThat(hukum.codes().get(0).isShared()).isFalse();
        assertThat(umum.mustScreenByHand()).isFalse();
        assertThat(umum.request()).isEmpty();
    }

    @Test
    void report_saysSinceWhenAnAgencyIsPendingOrRejected() {
        CoverageReport report = report();

        AgencyRow dukcapil = report.agencies().get(3);
        AgencyRow organisasi = report.agencies().get(4);
        assertThat(dukcapil.since()).contains(Instant.parse("2021-12-10T01:30:00Z"));
        assertThat(dukcapil.request().orElseThrow().id()).isEqualTo(RequestId.of(2));
        assertThat(organisasi.since()).contains(Instant.parse("2021-12-06T03:00:00Z"));
        assertThat(organisasi.request().orElseThrow().rejectionReason()).contains("Wrong position, please resend.");
        assertThat(report.agencies().get(5).since()).isEmpty();
    }

    @Test
    void report_countsARevokedCodeOnlyWithoutATrustList() {
        report();

        CoverageReport withoutTrust = CoverageReport.of(directory, book, List.of(revoked), NOW);

        assertThat(withoutTrust.agencies().get(3).state()).isEqualTo(State.COVERED);
        assertThat(CoverageReport.of(directory, book, List.of(revoked), trust, NOW).agencies().get(3).state())
                .isEqualTo(State.PENDING);
    }

    @Test
    void report_leavesOutCodesOfASiteRevokedBeforeACutOff() {
        TrustList cutOff = TrustList.builder().trust(Issuer.generate().publicKey())
                .revokeSiteBefore(SETDA, Instant.parse("2021-12-02T00:00:00Z")).build();

        CoverageReport report = CoverageReport.of(directory, RequestBook.create(clock), List.of(shared, own),
                cutOff, NOW);

        assertThat(report.count(State.COVERED)).isZero();
        assertThat(report.expiringWithin(Duration.ofDays(30))).isEmpty();
    }

    @Test
    void report_countsACodeFromItsFirstInstantUpToButExcludingItsLast() {
        RequestBook empty = RequestBook.create(clock);

        assertThat(CoverageReport.of(directory, empty, List.of(own), Instant.parse("2021-12-01T00:00:00Z"))
                .count(State.COVERED)).isEqualTo(1);
        assertThat(CoverageReport.of(directory, empty, List.of(own), Instant.parse("2021-12-20T16:59:59Z"))
                .count(State.COVERED)).isEqualTo(1);
        assertThat(CoverageReport.of(directory, empty, List.of(own), Instant.parse("2021-12-20T17:00:00Z"))
                .count(State.COVERED)).isZero();
        assertThat(CoverageReport.of(directory, empty, List.of(own), Instant.parse("2021-11-30T23:59:59Z"))
                .count(State.COVERED)).isZero();
    }

    @Test
    void summary_countsEachState() {
        assertThat(report().summary()).isEqualTo(
                "3 of 6 agencies covered; 1 pending, 1 rejected, 1 without a code: 3 must screen visitors by hand.");
    }

    @Test
    void expiringWithin_listsSitesWhoseLastValidCodeEndsInTheWindow() {
        CoverageReport report = report();

        assertThat(report.expiringWithin(Duration.ofDays(30))).containsExactly(
                new ExpiringSite(SETDA, "Kompleks Sekretariat Daerah Kabupaten Sragen",
                        Instant.parse("2021-12-31T17:00:00Z")));
        assertThat(report.expiringWithin(Duration.ofDays(16))).isEmpty();
        assertThat(report.expiringWithin(Duration.ZERO)).isEmpty();
        assertThatThrownBy(() -> report.expiringWithin(Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toCsv_writesOneLinePerAgencyAndCode() {
        String a = shared.id().toString();
        String b = own.id().toString();

        assertThat(report().toCsv()).isEqualTo(""
                + "agency,name,state,site,code,scope,valid_until,request,request_state,since,reason\r\n"
                + "diskominfo,Dinas Komunikasi dan Informatika,covered,setda-complex," + a
                + ",shared,2021-12-31T17:00:00Z,,,,\r\n"
                + "bagian-umum,Bagian Umum,covered,setda-complex," + a + ",shared,2021-12-31T17:00:00Z,,,,\r\n"
                + "bagian-hukum,Bagian Hukum,covered,setda-complex," + b + ",own,2021-12-20T17:00:00Z,,,,\r\n"
                + "dispendukcapil,Dinas Kependudukan dan Pencatatan Sipil,pending,,,,,R-2,submitted,"
                + "2021-12-10T01:30:00Z,\r\n"
                + "bagian-organisasi,Bagian Organisasi,rejected,,,,,R-1,rejected,2021-12-06T03:00:00Z,"
                + "\"Wrong position, please resend.\"\r\n"
                + "setda,Sekretariat Daerah Kabupaten Sragen,none,,,,,,,,\r\n");
    }

    @Test
    void toMarkdown_writesOneTablePerStateAndTheExpiringSites() {
        String a = shared.id().toString();
        String b = own.id().toString();

        assertThat(report().toMarkdown(Duration.ofDays(30))).isEqualTo("""
                # Code coverage at 2021-12-15T03:00:00Z

                3 of 6 agencies covered; 1 pending, 1 rejected, 1 without a code: 3 must screen visitors by hand.

                ## Covered (3)

                | Agency | Name | Site | Code | Scope | Valid until |
                |---|---|---|---|---|---|
                | diskominfo | Dinas Komunikasi dan Informatika | setda-complex | A | shared (2) | 2021-12-31T17:00:00Z |
                | bagian-umum | Bagian Umum | setda-complex | A | shared (2) | 2021-12-31T17:00:00Z |
                | bagian-hukum | Bagian Hukum | setda-complex | B | own | 2021-12-20T17:00:00Z |

                ## Pending (1)

                | Agency | Name | Request | State | Since |
                |---|---|---|---|---|
                | dispendukcapil | Dinas Kependudukan dan Pencatatan Sipil | R-2 | submitted | 2021-12-10T01:30:00Z |

                ## Rejected (1)

                | Agency | Name | Request | Rejected at | Reason |
                |---|---|---|---|---|
                | bagian-organisasi | Bagian Organisasi | R-1 | 2021-12-06T03:00:00Z | Wrong position, please resend. |

                ## Without a code (1)

                | Agency | Name |
                |---|---|
                | setda | Sekretariat Daerah Kabupaten Sragen |

                ## Codes ending within 30 days

                | Site | Name | Last code valid until |
                |---|---|---|
                | setda-complex | Kompleks Sekretariat Daerah Kabupaten Sragen | 2021-12-31T17:00:00Z |
                """.replace("| A |", "| " + a + " |").replace("| B |", "| " + b + " |"));
    }

    @Test
    void report_listsCodesForAgenciesOrSitesNotInTheDirectoryAsProblems() {
        SharedCode strangers = code(SETDA, "2021-12-01T00:00:00Z", "2022-01-01T00:00:00Z", BAGIAN_UMUM,
                AgencyId.of("bpbd"), SEKRETARIAT_DAERAH);
        SharedCode nowhere = code(SiteId.of("town-hall"), "2021-12-01T00:00:00Z", "2022-01-01T00:00:00Z",
                BAGIAN_HUKUM);

        CoverageReport report = CoverageReport.of(directory, RequestBook.create(clock), List.of(strangers, nowhere),
                NOW);

        assertThat(report.problems()).extracting(Problem::key).containsExactly("codes.unknownAgency",
                "codes.notTenant", "codes.unknownSite");
        assertThat(report.problems().get(0).arguments()).containsEntry("agency", "bpbd")
                .containsEntry("code", strangers.id().toString());
        assertThat(report.agencies()).extracting(AgencyRow::state).containsExactly(State.NONE,
                State.COVERED, State.NONE, State.NONE, State.NONE,
                State.NONE);
        assertThat(report.toMarkdown(Duration.ofDays(7))).endsWith("""
                ## Codes ending within 7 days

                None.

                ## Problems

                - `codes.unknownAgency`: Code %1$s covers the agency 'bpbd', which is not in the directory.
                - `codes.notTenant`: Code %1$s covers the agency 'setda', which does not work at the site \
                'setda-complex'; it does not count.
                - `codes.unknownSite`: Code %2$s is for the site 'town-hall', which is not in the directory; it \
                covers nobody.
                """.formatted(strangers.id(), nowhere.id()));
    }

    @Test
    void expiringWithin_ignoresCodesThatCoverNobodyInTheDirectory() {
        SharedCode misplaced = code(SETDA, "2021-12-01T00:00:00Z", "2021-12-20T00:00:00Z", SEKRETARIAT_DAERAH);

        CoverageReport report = CoverageReport.of(directory, RequestBook.create(clock), List.of(misplaced), NOW);

        assertThat(report.expiringWithin(Duration.ofDays(30))).isEmpty();
        assertThat(report.count(State.COVERED)).isZero();
        assertThat(report.problems()).extracting(Problem::key).containsExactly("codes.notTenant");
    }

    @Test
    void exports_quoteAndDefuseCellsThatASpreadsheetWouldRun() {
        RequestEntry e = book.submit(ownRequest(BAGIAN_ORGANISASI).build(), directory, "office:organisasi");
        book.reject(e.id(), "r", "=HYPERLINK(\"http://x\") | see notes");

        CoverageReport report = CoverageReport.of(directory, book, List.of(), NOW);

        assertThat(report.toCsv()).contains(",R-1,rejected,2021-12-02T02:00:00Z,"
                + "\"'=HYPERLINK(\"\"http://x\"\") | see notes\"\r\n");
        assertThat(report.toMarkdown(Duration.ofDays(1)))
                .contains("| =HYPERLINK(\"http://x\") \\| see notes |");
    }

    @Test
    void coveringCode_countsOneTo64Agencies() {
        Instant until = Instant.parse("2021-12-31T17:00:00Z");

        assertThat(new CoveringCode(shared.id(), SETDA, 64, until).isShared()).isTrue();
        assertThat(new CoveringCode(shared.id(), SETDA, 1, until).isShared()).isFalse();
        assertThatThrownBy(() -> new CoveringCode(shared.id(), SETDA, 0, until))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a code covers 1 to 64 agencies, not 0");
        assertThatThrownBy(() -> new CoveringCode(shared.id(), SETDA, 65, until))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
