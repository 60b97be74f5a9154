package dev.lawang.request;

import dev.lawang.code.SharedCode;
import dev.lawang.code.TrustList;
import dev.lawang.directory.Agency;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.directory.Site;
import dev.lawang.directory.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Which agencies have a check-in code and which must screen visitors by hand, at one moment: the view the official
 * in Sragen did not have.
 *
 * <p>Every agency in the directory gets one line, in directory order, in one of four states
 * ({@link CoverageState}), decided in this order:
 * <ol>
 *   <li>{@link CoverageState#COVERED}: a code in {@code codes} covers it at a site where it works, and the code is
 *       valid at {@code now} ({@code validFrom <= now < validUntil}) and not revoked by the trust list, if one is
 *       given. Expired, not-yet-valid and revoked codes do not count.</li>
 *   <li>{@link CoverageState#PENDING}: a request in the book covering it is submitted or approved (since when: the
 *       oldest such request's submission).</li>
 *   <li>{@link CoverageState#REJECTED}: the latest request in the book covering it was rejected.</li>
 *   <li>{@link CoverageState#NONE}: nothing at all.</li>
 * </ol>
 *
 * <p>Coverage comes from {@code codes} only, not from the book: a host passes the codes it knows to be in force,
 * such as {@link RequestBook#issuedCodes()} plus codes issued before it kept a book. Codes that name a site or an
 * agency not in the directory, or an agency that does not work at the code's site, cover nobody and are listed in
 * {@link #problems()} instead, as are book entries for agencies not in the directory.
 *
 * <p>Immutable and thread-safe.
 */
public final class CoverageReport {
    private final Instant at;
    private final List<AgencyCoverage> agencies;
    private final Map<SiteId, ExpiringSite> lastCodeBySite;
    private final List<Problem> problems;

    private CoverageReport(Instant at, List<AgencyCoverage> agencies, Map<SiteId, ExpiringSite> lastCodeBySite,
            List<Problem> problems) {
        this.at = at;
        this.agencies = List.copyOf(agencies);
        this.lastCodeBySite = Map.copyOf(lastCodeBySite);
        this.problems = List.copyOf(problems);
    }

    /**
     * Reports coverage with every valid code in {@code codes} counting, revoked or not; use
     * {@link #of(Directory, RequestBook, Collection, TrustList, Instant)} to leave out revoked codes.
     *
     * @param directory the agencies and sites
     * @param book the requests, for the pending and rejected states
     * @param codes the codes to consider; expired and not-yet-valid ones are left out
     * @param now the moment of the report
     * @return the report
     */
    public static CoverageReport of(Directory directory, RequestBook book, Collection<SharedCode> codes,
            Instant now) {
        return build(directory, book, codes, code -> false, now);
    }

    /**
     * Reports coverage, leaving out codes the trust list revokes.
     *
     * @param directory the agencies and sites
     * @param book the requests, for the pending and rejected states
     * @param codes the codes to consider; expired, not-yet-valid and revoked ones are left out
     * @param trust the trust list whose revocations apply
     * @param now the moment of the report
     * @return the report
     */
    public static CoverageReport of(Directory directory, RequestBook book, Collection<SharedCode> codes,
            TrustList trust, Instant now) {
        Objects.requireNonNull(trust, "trust");
        return build(directory, book, codes, trust::isRevoked, now);
    }

    private static CoverageReport build(Directory directory, RequestBook book, Collection<SharedCode> codes,
            Predicate<SharedCode> revoked, Instant now) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(now, "now");
        List<Problem> problems = new ArrayList<>();
        Map<AgencyId, List<CodeCoverage>> byAgency = new HashMap<>();
        Map<SiteId, ExpiringSite> lastBySite = new HashMap<>();
        for (SharedCode code : List.copyOf(codes)) {
            boolean valid = !now.isBefore(code.validFrom()) && now.isBefore(code.validUntil());
            if (!valid || revoked.test(code)) {
                continue;
            }
            Site site = directory.site(code.site()).orElse(null);
            if (site == null) {
                problems.add(Problem.of("codes", "unknownSite", "Code " + code.id() + " is for the site '"
                        + code.site() + "', which is not in the directory; it covers nobody.",
                        Map.of("code", code.id().toString(), "site", code.site().value())));
                continue;
            }
            boolean coversSomeone = false;
            for (AgencyId agency : new TreeSet<>(code.agencies())) {
                if (directory.agency(agency).isEmpty()) {
                    problems.add(Problem.of("codes", "unknownAgency", "Code " + code.id() + " covers the agency '"
                            + agency + "', which is not in the directory.",
                            Map.of("code", code.id().toString(), "agency", agency.value())));
                } else if (!site.tenants().contains(agency)) {
                    problems.add(Problem.of("codes", "notTenant", "Code " + code.id() + " covers the agency '"
                            + agency + "', which does not work at the site '" + site.id() + "'; it does not count.",
                            Map.of("code", code.id().toString(), "agency", agency.value(),
                                    "site", site.id().value())));
                } else {
                    byAgency.computeIfAbsent(agency, a -> new ArrayList<>()).add(new CodeCoverage(code.id(),
                            site.id(), code.agencies().size(), code.validUntil()));
                    coversSomeone = true;
                }
            }
            if (!coversSomeone) {
                continue;
            }
            lastBySite.merge(site.id(), new ExpiringSite(site.id(), site.name(), code.validUntil()),
                    (a, b) -> a.validUntil().isAfter(b.validUntil()) ? a : b);
        }

        Map<AgencyId, RequestEntry> oldestOpen = new HashMap<>();
        Map<AgencyId, RequestEntry> latest = new HashMap<>();
        for (RequestEntry e : book.entries()) {
            for (AgencyId agency : e.request().covered()) {
                if (directory.agency(agency).isEmpty()) {
                    if (e.state().isOpen() || e.state() == RequestState.REJECTED) {
                        problems.add(Problem.of("requests", "unknownAgency", "Request " + e.id() + " covers the"
                                + " agency '" + agency + "', which is not in the directory.",
                                Map.of("request", e.id().toString(), "agency", agency.value())));
                    }
                    continue;
                }
                if (e.state().isOpen()) {
                    oldestOpen.putIfAbsent(agency, e);
                }
                latest.put(agency, e);
            }
        }

        List<AgencyCoverage> lines = new ArrayList<>();
        for (Agency agency : directory.agencies()) {
            AgencyId id = agency.id();
            List<CodeCoverage> covering = new ArrayList<>(byAgency.getOrDefault(id, List.of()));
            covering.sort(Comparator.comparing(CodeCoverage::site).thenComparing(CodeCoverage::validUntil)
                    .thenComparing(c -> c.code().toString()));
            RequestEntry last = latest.get(id);
            if (!covering.isEmpty()) {
                lines.add(new AgencyCoverage(id, agency.name(), CoverageState.COVERED, covering, null));
            } else if (oldestOpen.containsKey(id)) {
                lines.add(new AgencyCoverage(id, agency.name(), CoverageState.PENDING, List.of(), oldestOpen.get(id)));
            } else if (last != null && last.state() == RequestState.REJECTED) {
                lines.add(new AgencyCoverage(id, agency.name(), CoverageState.REJECTED, List.of(), last));
            } else {
                lines.add(new AgencyCoverage(id, agency.name(), CoverageState.NONE, List.of(), null));
            }
        }
        return new CoverageReport(now, lines, lastBySite, problems);
    }

    /**
     * Returns the moment the report describes.
     *
     * @return the {@code now} it was made for
     */
    public Instant at() {
        return at;
    }

    /**
     * Returns one line per agency in the directory, in directory order.
     *
     * @return an unmodifiable list
     */
    public List<AgencyCoverage> agencies() {
        return agencies;
    }

    /**
     * Returns the lines in one state, in directory order.
     *
     * @param state the state
     * @return an unmodifiable list
     */
    public List<AgencyCoverage> inState(CoverageState state) {
        Objects.requireNonNull(state, "state");
        return agencies.stream().filter(a -> a.state() == state).toList();
    }

    /**
     * Returns the agencies that must screen visitors by hand: every line not {@link CoverageState#COVERED}.
     *
     * @return an unmodifiable list, in directory order
     */
    public List<AgencyCoverage> uncovered() {
        return agencies.stream().filter(AgencyCoverage::mustScreenByHand).toList();
    }

    /**
     * Counts the agencies in one state.
     *
     * @param state the state
     * @return the count
     */
    public int count(CoverageState state) {
        return inState(state).size();
    }

    /**
     * Returns how many agencies are in each state; every state is present, with 0 if none.
     *
     * @return an unmodifiable map in {@link CoverageState} order
     */
    public Map<CoverageState, Integer> counts() {
        Map<CoverageState, Integer> out = new EnumMap<>(CoverageState.class);
        for (CoverageState s : CoverageState.values()) {
            out.put(s, count(s));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * Returns the counts in one sentence, such as {@code "44 of 66 agencies covered; 20 pending, 1 rejected, 1
     * without a code: 22 must screen visitors by hand."}
     *
     * @return the sentence
     */
    public String summary() {
        return count(CoverageState.COVERED) + " of " + agencies.size() + " agencies covered; "
                + count(CoverageState.PENDING) + " pending, " + count(CoverageState.REJECTED) + " rejected, "
                + count(CoverageState.NONE) + " without a code: " + uncovered().size()
                + " must screen visitors by hand.";
    }

    /**
     * Returns the sites whose valid codes all end within the given time after the report's moment, soonest first:
     * those that need a new code. A site with one code ending soon and another valid for longer is not listed.
     *
     * @param window how far ahead to look, not negative
     * @return an unmodifiable list, by end of validity, then site id
     * @throws IllegalArgumentException if the window is negative
     */
    public List<ExpiringSite> expiringWithin(Duration window) {
        Objects.requireNonNull(window, "window");
        if (window.isNegative()) {
            throw new IllegalArgumentException("window must not be negative: " + window);
        }
        Instant limit = at.plus(window);
        return lastCodeBySite.values().stream().filter(s -> s.validUntil().isBefore(limit))
                .sorted(Comparator.comparing(ExpiringSite::validUntil).thenComparing(ExpiringSite::site))
                .toList();
    }

    /**
     * Returns what the report could not account for: codes for sites or agencies not in the directory, codes for
     * agencies that do not work at the code's site, and open or rejected requests for agencies not in the directory.
     *
     * @return an unmodifiable list; empty if everything matched the directory
     */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * Exports the report as CSV (RFC 4180, comma-separated, CRLF line ends, a header line). One line per agency,
     * and one per code for an agency covered by several. Columns: {@code agency, name, state, site, code, scope}
     * ({@code own} or {@code shared}), {@code valid_until, request, request_state, since, reason}; a column that does
     * not apply is empty. Times are ISO-8601 instants in UTC. A cell that starts with {@code = + - @} is prefixed
     * with {@code '} so that spreadsheets do not run it as a formula.
     *
     * @return the CSV text
     */
    public String toCsv() {
        StringBuilder sb = new StringBuilder();
        csvLine(sb, "agency", "name", "state", "site", "code", "scope", "valid_until", "request", "request_state",
                "since", "reason");
        for (AgencyCoverage a : agencies) {
            String agency = a.agency().value();
            String state = a.state().name().toLowerCase(Locale.ROOT);
            if (a.state() == CoverageState.COVERED) {
                for (CodeCoverage c : a.codes()) {
                    csvLine(sb, agency, a.name(), state, c.site().value(), c.code().toString(), scope(c),
                            c.validUntil().toString(), "", "", "", "");
                }
            } else {
                RequestEntry r = a.request().orElse(null);
                csvLine(sb, agency, a.name(), state, "", "", "", "", r == null ? "" : r.id().toString(),
                        r == null ? "" : r.state().name().toLowerCase(Locale.ROOT),
                        a.since().map(Instant::toString).orElse(""),
                        r == null ? "" : r.rejectionReason().orElse(""));
            }
        }
        return sb.toString();
    }

    private static String scope(CodeCoverage c) {
        return c.isShared() ? "shared" : "own";
    }

    private static void csvLine(StringBuilder sb, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String cell = cells[i];
            if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0) {
                cell = "'" + cell;
            }
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0) {
                sb.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(cell);
            }
        }
        sb.append("\r\n");
    }

    /**
     * Exports the report as Markdown: a title with the report's moment, the {@link #summary()}, one table per state
     * (covered, pending, rejected, without a code; a state with no agency is left out), the sites whose codes end
     * within {@code expiringWindow}, and the problems, if any.
     *
     * @param expiringWindow how far ahead to look for sites whose codes end, as in {@link #expiringWithin(Duration)}
     * @return the Markdown text, ending in a newline
     */
    public String toMarkdown(Duration expiringWindow) {
        List<ExpiringSite> expiring = expiringWithin(expiringWindow);
        StringBuilder sb = new StringBuilder();
        sb.append("# Code coverage at ").append(at).append("\n\n").append(summary()).append('\n');
        List<AgencyCoverage> covered = inState(CoverageState.COVERED);
        if (!covered.isEmpty()) {
            sb.append("\n## Covered (").append(covered.size()).append(")\n\n");
            sb.append("| Agency | Name | Site | Code | Scope | Valid until |\n");
            sb.append("|---|---|---|---|---|---|\n");
            for (AgencyCoverage a : covered) {
                for (CodeCoverage c : a.codes()) {
                    row(sb, a.agency().value(), a.name(), c.site().value(), c.code().toString(),
                            c.isShared() ? "shared (" + c.agencies() + ")" : "own", c.validUntil().toString());
                }
            }
        }
        List<AgencyCoverage> pending = inState(CoverageState.PENDING);
        if (!pending.isEmpty()) {
            sb.append("\n## Pending (").append(pending.size()).append(")\n\n");
            sb.append("| Agency | Name | Request | State | Since |\n");
            sb.append("|---|---|---|---|---|\n");
            for (AgencyCoverage a : pending) {
                RequestEntry r = a.request().orElseThrow();
                row(sb, a.agency().value(), a.name(), r.id().toString(), r.state().name().toLowerCase(Locale.ROOT),
                        r.submittedAt().toString());
            }
        }
        List<AgencyCoverage> rejected = inState(CoverageState.REJECTED);
        if (!rejected.isEmpty()) {
            sb.append("\n## Rejected (").append(rejected.size()).append(")\n\n");
            sb.append("| Agency | Name | Request | Rejected at | Reason |\n");
            sb.append("|---|---|---|---|---|\n");
            for (AgencyCoverage a : rejected) {
                RequestEntry r = a.request().orElseThrow();
                row(sb, a.agency().value(), a.name(), r.id().toString(), r.since().toString(),
                        r.rejectionReason().orElse(""));
            }
        }
        List<AgencyCoverage> none = inState(CoverageState.NONE);
        if (!none.isEmpty()) {
            sb.append("\n## Without a code (").append(none.size()).append(")\n\n");
            sb.append("| Agency | Name |\n");
            sb.append("|---|---|\n");
            for (AgencyCoverage a : none) {
                row(sb, a.agency().value(), a.name());
            }
        }
        sb.append("\n## Codes ending within ").append(describe(expiringWindow)).append("\n\n");
        if (expiring.isEmpty()) {
            sb.append("None.\n");
        } else {
            sb.append("| Site | Name | Last code valid until |\n");
            sb.append("|---|---|---|\n");
            for (ExpiringSite s : expiring) {
                row(sb, s.site().value(), s.name(), s.validUntil().toString());
            }
        }
        if (!problems.isEmpty()) {
            sb.append("\n## Problems\n\n");
            for (Problem p : problems) {
                sb.append("- `").append(p.key()).append("`: ").append(escape(p.message())).append('\n');
            }
        }
        return sb.toString();
    }

    private static String describe(Duration window) {
        long days = window.toDays();
        if (window.equals(Duration.ofDays(days))) {
            return days == 1 ? "1 day" : days + " days";
        }
        return window.toString();
    }

    private static void row(StringBuilder sb, String... cells) {
        sb.append('|');
        for (String cell : cells) {
            sb.append(' ').append(escape(cell)).append(" |");
        }
        sb.append('\n');
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace('\n', ' ').replace('\r', ' ');
    }

    @Override
    public String toString() {
        return "CoverageReport[" + at + ": " + summary() + "]";
    }
}
