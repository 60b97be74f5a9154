package dev.lawang.request;

import dev.lawang.code.CodeId;
import dev.lawang.code.SharedCode;
import dev.lawang.code.TrustList;
import dev.lawang.directory.Agency;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.directory.Site;
import dev.lawang.directory.SiteId;
import dev.lawang.request.CodeRequest.Problem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Which agencies have a check-in code and which must screen visitors by hand, at one moment.
 *
 * <p>Every agency in the directory gets one {@link AgencyRow}, in directory order, in one of four {@link State}s,
 * decided in this order:
 * <ol>
 *   <li>{@link State#COVERED}: a code in {@code codes} covers it at a site where it works, and the code is valid at
 *       {@code now} ({@code validFrom <= now < validUntil}) and not revoked by the trust list, if one is given.
 *       Expired, not-yet-valid and revoked codes do not count.</li>
 *   <li>{@link State#PENDING}: a request in the book covering it is submitted or approved (since when: the oldest
 *       such request's submission).</li>
 *   <li>{@link State#REJECTED}: the latest request in the book covering it was rejected.</li>
 *   <li>{@link State#NONE}: nothing at all.</li>
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
    private final List<AgencyRow> agencies;
    private final Map<SiteId, ExpiringSite> lastCodeBySite;
    private final List<Problem> problems;

    private CoverageReport(Instant at, List<AgencyRow> agencies, Map<SiteId, ExpiringSite> lastCodeBySite,
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
        Map<AgencyId, List<CoveringCode>> byAgency = new HashMap<>();
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
                    byAgency.computeIfAbsent(agency, a -> new ArrayList<>()).add(new CoveringCode(code.id(),
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
                    if (e.state().isOpen() || e.state() == RequestEntry.State.REJECTED) {
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

        List<AgencyRow> rows = new ArrayList<>();
        for (Agency agency : directory.agencies()) {
            AgencyId id = agency.id();
            List<CoveringCode> covering = new ArrayList<>(byAgency.getOrDefault(id, List.of()));
            covering.sort(Comparator.comparing(CoveringCode::site).thenComparing(CoveringCode::validUntil)
                    .thenComparing(c -> c.code().toString()));
            RequestEntry last = latest.get(id);
            if (!covering.isEmpty()) {
                rows.add(new AgencyRow(id, agency.name(), State.COVERED, covering, null));
            } else if (oldestOpen.containsKey(id)) {
                rows.add(new AgencyRow(id, agency.name(), State.PENDING, List.of(), oldestOpen.get(id)));
            } else if (last != null && last.state() == RequestEntry.State.REJECTED) {
                rows.add(new AgencyRow(id, agency.name(), State.REJECTED, List.of(), last));
            } else {
                rows.add(new AgencyRow(id, agency.name(), State.NONE, List.of(), null));
            }
        }
        return new CoverageReport(now, rows, lastBySite, problems);
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
     * Returns one row per agency in the directory, in directory order.
     *
     * @return an unmodifiable list
     */
    public List<AgencyRow> agencies() {
        return agencies;
    }

    /**
     * Returns the rows in one state, in directory order.
     *
     * @param state the state
     * @return an unmodifiable list
     */
    public List<AgencyRow> inState(State state) {
        Objects.requireNonNull(state, "state");
        return agencies.stream().filter(a -> a.state() == state).toList();
    }

    /**
     * Returns the agencies that must screen visitors by hand: every row not {@link State#COVERED}.
     *
     * @return an unmodifiable list, in directory order
     */
    public List<AgencyRow> uncovered() {
        return agencies.stream().filter(AgencyRow::mustScreenByHand).toList();
    }

    /**
     * Counts the agencies in one state.
     *
     * @param state the state
     * @return the count
     */
    public int count(State state) {
        return inState(state).size();
    }

    /**
     * Returns how many agencies are in each state; every state is present, with 0 if none.
     *
     * @return an unmodifiable map in {@link State} order
     */
    public Map<State, Integer> counts() {
        Map<State, Integer> out = new EnumMap<>(State.class);
        for (State s : State.values()) {
            out.put(s, count(s));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Returns the counts in one sentence, such as {@code "3 of 6 agencies covered; 1 pending, 1 rejected, 1 without
     * a code: 3 must screen visitors by hand."}
     *
     * @return the sentence
     */
    public String summary() {
        return count(State.COVERED) + " of " + agencies.size() + " agencies covered; "
                + count(State.PENDING) + " pending, " + count(State.REJECTED) + " rejected, "
                + count(State.NONE) + " without a code: " + uncovered().size()
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
        return CoverageReportExport.csv(this);
    }

    /**
     * Exports the report as Markdown: a title with the report's moment, the {@link #summary()}, one table per state
     * (covered, pending, rejected, without a code; a state with no agency is left out), the sites whose codes end
     * within {@code expiringWindow}, and the problems, if any. A {@code |} or {@code \} in a cell is escaped with
     * a backslash, and line breaks become spaces.
     *
     * @param expiringWindow how far ahead to look for sites whose codes end, as in {@link #expiringWithin(Duration)}
     * @return the Markdown text, ending in a newline
     * @throws IllegalArgumentException if the window is negative
     */
    public String toMarkdown(Duration expiringWindow) {
        return CoverageReportExport.markdown(this, expiringWindow);
    }

    @Override
    public String toString() {
        return "CoverageReport[" + at + ": " + summary() + "]";
    }

    /**
     * Where an agency stands in a {@link CoverageReport}. Every state but {@link #COVERED} means the agency must
     * screen its visitors by hand.
     */
    public enum State {
        /** A valid, unrevoked code covers the agency at a site where it works. */
        COVERED,
        /** Not covered, and a request covering the agency is submitted or approved. */
        PENDING,
        /** Not covered, nothing pending, and the latest request covering the agency was rejected. */
        REJECTED,
        /** Not covered and nothing pending or rejected: no code, no request. */
        NONE
    }

    /**
     * One agency's row in a {@link CoverageReport}: its state, the codes that cover it, or the request it waits on or
     * that was rejected.
     *
     * <p>Immutable and thread-safe.
     */
    public static final class AgencyRow {
        private final AgencyId agency;
        private final String name;
        private final State state;
        private final List<CoveringCode> codes;
        private final @Nullable RequestEntry request;

        AgencyRow(AgencyId agency, String name, State state, List<CoveringCode> codes,
                @Nullable RequestEntry request) {
            this.agency = agency;
            this.name = name;
            this.state = state;
            this.codes = List.copyOf(codes);
            this.request = request;
        }

        /**
         * Returns the agency.
         *
         * @return its id
         */
        public AgencyId agency() {
            return agency;
        }

        /**
         * Returns the agency's name in the directory.
         *
         * @return the name
         */
        public String name() {
            return name;
        }

        /**
         * Returns where the agency stands.
         *
         * @return the state
         */
        public State state() {
            return state;
        }

        /**
         * Tells whether the agency must screen its visitors by hand.
         *
         * @return whether the state is anything but {@link State#COVERED}
         */
        public boolean mustScreenByHand() {
            return state != State.COVERED;
        }

        /**
         * Returns the valid codes that cover the agency, by site, then by end of validity.
         *
         * @return an unmodifiable list; non-empty exactly when the state is {@link State#COVERED}
         */
        public List<CoveringCode> codes() {
            return codes;
        }

        /**
         * Returns the request behind a {@link State#PENDING} state (the oldest open request covering the agency) or
         * a {@link State#REJECTED} state (the latest request covering it).
         *
         * @return the request as the book held it when the report was made; empty for the other states
         */
        public Optional<RequestEntry> request() {
            return Optional.ofNullable(request);
        }

        /**
         * Returns since when the agency is pending (when its request was submitted) or rejected (when it was
         * rejected).
         *
         * @return the time; empty for the other states
         */
        public Optional<Instant> since() {
            if (request == null) {
                return Optional.empty();
            }
            return Optional.of(state == State.PENDING ? request.submittedAt() : request.since());
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof AgencyRow r && agency.equals(r.agency) && name.equals(r.name) && state == r.state
                    && codes.equals(r.codes) && Objects.equals(request, r.request);
        }

        @Override
        public int hashCode() {
            return Objects.hash(agency, name, state, codes, request);
        }

        @Override
        public String toString() {
            return "AgencyRow[" + agency + " " + state + (codes.isEmpty() ? "" : " by " + codes)
                    + (request == null ? "" : " request " + request.id()) + "]";
        }
    }

    /**
     * A code that covers an agency in a {@link CoverageReport}: which code, at which site, whether the agency has it
     * to itself or shares it, and until when it is valid.
     *
     * <p>Immutable and thread-safe.
     *
     * @param code the code's id
     * @param site the site where the code is displayed
     * @param agencies how many agencies the code covers: 1 for an agency's own code, up to
     *        {@value SharedCode#MAX_AGENCIES} for a shared code
     * @param validUntil the end of the code's validity window, exclusive
     */
    public record CoveringCode(CodeId code, SiteId site, int agencies, Instant validUntil) {
        /**
         * Creates a covering code.
         *
         * @param code the code's id
         * @param site the site where the code is displayed
         * @param agencies how many agencies the code covers: 1 to {@value SharedCode#MAX_AGENCIES}
         * @param validUntil the end of the code's validity window, exclusive
         * @throws IllegalArgumentException if {@code agencies} is below 1 or above
         *         {@value SharedCode#MAX_AGENCIES}
         */
        public CoveringCode {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(validUntil, "validUntil");
            if (agencies < 1 || agencies > SharedCode.MAX_AGENCIES) {
                throw new IllegalArgumentException("a code covers 1 to " + SharedCode.MAX_AGENCIES + " agencies, not "
                        + agencies);
            }
        }

        /**
         * Tells whether the code is shared with other agencies.
         *
         * @return whether it covers more than one agency
         */
        public boolean isShared() {
            return agencies > 1;
        }
    }

    /**
     * A site whose codes all stop being valid soon: see {@link CoverageReport#expiringWithin(Duration)}.
     *
     * <p>Immutable and thread-safe.
     *
     * @param site the site
     * @param name the site's name in the directory
     * @param validUntil when the last valid code at the site ends, exclusive
     */
    public record ExpiringSite(SiteId site, String name, Instant validUntil) {
        /**
         * Creates an expiring site; the name is taken as given.
         *
         * @param site the site
         * @param name the site's name in the directory
         * @param validUntil when the last valid code at the site ends, exclusive
         */
        public ExpiringSite {
            Objects.requireNonNull(site, "site");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(validUntil, "validUntil");
        }
    }
}
