package dev.lawang.demo;

import dev.lawang.RefusalReason;
import dev.lawang.booking.ServiceReport;
import dev.lawang.directory.Directory;
import dev.lawang.directory.Site;
import dev.lawang.directory.SiteId;
import dev.lawang.kiosk.Reconciliation;
import dev.lawang.request.CoverageReport.AgencyRow;
import dev.lawang.request.CoverageReport.CoveringCode;
import dev.lawang.request.CoverageReport;
import dev.lawang.testing.Sragen;
import dev.lawang.visit.EntryChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The demo's HTML page: posters, a coverage table, the day's log, an occupancy chart drawn as inline SVG, the
 * refusals and the visits by way in (entry channel).
 */
final class DemoPage {
    /** Occupancy at one moment of the day. */
    record Sample(Instant at, int setda, int dukcapil, int others, long dukcapilToday, int clinicCentral,
            int clinicAtTheDoor) {}

    /** The civil registry's wait estimate at one moment. */
    record Wait(Instant at, Duration estimate) {}

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ROOT);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final Directory directory;
    private final Map<SiteId, SragenDemo.IssuedCode> codes;
    private final CoverageReport coverage;
    private final List<Sample> samples;
    private final List<String> log;
    private final Map<RefusalReason, Integer> refusals;
    private final Map<SiteId, Integer> peak;
    private final int quota;
    private final List<Frame> frames;
    private final ServiceReport bookings;
    private final List<Wait> waits;
    private final Map<EntryChannel, Integer> waysIn;
    private final OfflineClinic clinic;

    /** One code of the Setda display's strip: when it is shown, its text and its SVG drawing. */
    record Frame(Instant from, String text, String svg) {}

    DemoPage(Directory directory, Map<SiteId, SragenDemo.IssuedCode> codes, CoverageReport coverage, List<Sample> samples,
            List<String> log, Map<RefusalReason, Integer> refusals, Map<SiteId, Integer> peak, int quota,
            List<Frame> frames, ServiceReport bookings, List<Wait> waits, Map<EntryChannel, Integer> waysIn,
            OfflineClinic clinic) {
        this.waysIn = waysIn;
        this.clinic = clinic;
        this.frames = List.copyOf(frames);
        this.bookings = bookings;
        this.waits = waits;
        this.directory = directory;
        this.codes = codes;
        this.coverage = coverage;
        this.samples = samples;
        this.log = log;
        this.refusals = refusals;
        this.peak = peak;
        this.quota = quota;
    }

    Path write(Path dir) throws IOException {
        StringBuilder h = new StringBuilder(64_000);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Lawang demo: Sragen, 15 December 2021</title><style>"
                + "body{font-family:system-ui,sans-serif;margin:24px auto;max-width:1200px;color:#1d2733}"
                + "h1{margin-bottom:0}h2{border-bottom:2px solid #2b6cb0;padding-bottom:4px;margin-top:36px}"
                + ".sub{color:#555;margin-top:4px}table{border-collapse:collapse;font-size:13px;width:100%}"
                + "td,th{border-bottom:1px solid #ddd;padding:3px 8px;text-align:left}td:last-child,td:nth-last-child(2){white-space:nowrap}th{background:#eef3f8}"
                + ".ok{color:#216e39;font-weight:600}.shared{color:#2b6cb0;font-weight:600}"
                + ".wait{color:#9c6500;font-weight:600}.none{color:#b42318;font-weight:600}"
                + ".posters{display:flex;gap:24px;align-items:flex-start}.main-poster{width:420px;border:1px solid #ccc}"
                + ".grid{display:grid;grid-template-columns:repeat(6,1fr);gap:10px}"
                + ".grid figure{margin:0;font-size:11px;text-align:center}.grid img{width:100%;border:1px solid #ddd}"
                + "pre{background:#f6f8fa;padding:12px;font-size:12.5px;overflow-x:auto}"
                + ".cards{display:flex;gap:16px}.card{background:#eef3f8;padding:10px 16px;border-radius:6px}"
                + ".card b{font-size:24px;display:block}</style></head><body>\n");
        h.append("<h1>Lawang: a working day in Sragen</h1><p class=\"sub\">Wednesday 15 December 2021, simulated on a"
                + " fixed clock. Directory: docs/examples/sragen.geojson (illustrative coordinates).</p>\n");
        summaryCards(h);
        h.append("<h2>Posters</h2><div class=\"posters\"><div><img class=\"main-poster\" alt=\"Setda poster\" src=\"")
                .append(codes.get(Sragen.SETDA).posterFile()).append("\"><p>One code for the 14 units of the"
                + " Setda complex.</p></div><div><p>Every other code, each for its own site:</p><div class=\"grid\">");
        for (Map.Entry<SiteId, SragenDemo.IssuedCode> e : codes.entrySet()) {
            if (e.getKey().equals(Sragen.SETDA)) {
                continue;
            }
            h.append("<figure><a href=\"").append(e.getValue().posterFile()).append("\"><img alt=\"\" src=\"")
                    .append(e.getValue().pngFile()).append("\"></a><figcaption>")
                    .append(escape(directory.site(e.getKey()).map(Site::name).orElse(e.getKey().value())))
                    .append("</figcaption></figure>");
        }
        h.append("</div></div></div>\n");
        h.append("<h2>The display at the Setda door</h2><p>A screen at the door shows a new code every minute,"
                + " signed with its own key under a grant of the authority (payload version 2); a photo of it is"
                + " refused once it is a few minutes old. Successive codes:</p><div class=\"grid\">");
        for (Frame f : frames) {
            h.append("<figure>").append(f.svg().substring(f.svg().indexOf("<svg"))
                    .replaceFirst(" width=\"\\d+\" height=\"\\d+\"", "")).append("<figcaption>")
                    .append(escape(java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(
                            f.from().atZone(Sragen.WIB)))).append(" WIB, ").append(f.text().length())
                    .append(" characters</figcaption></figure>");
        }
        h.append("</div>\n");
        h.append("<h2>Occupancy over the day</h2>").append(chart()).append(quotaChart());
        offline(h);
        bookings(h);
        coverage(h);
        h.append("<h2>The day's log</h2><pre>");
        for (String line : log) {
            h.append(escape(line)).append('\n');
        }
        h.append("</pre>\n<h2>Refusals</h2><table><tr><th>reason</th><th>count</th></tr>");
        for (Map.Entry<RefusalReason, Integer> e : refusals.entrySet()) {
            h.append("<tr><td>").append(e.getKey()).append("</td><td>").append(e.getValue()).append("</td></tr>");
        }
        h.append("</table>\n<h2>Ways in</h2><table><tr><th>entry channel</th><th>visits</th><th>signed</th></tr>");
        for (Map.Entry<EntryChannel, Integer> e : waysIn.entrySet()) {
            h.append("<tr><td>").append(e.getKey()).append("</td><td>").append(e.getValue()).append("</td><td>")
                    .append(e.getKey().signed() ? "yes" : "no").append("</td></tr>");
        }
        h.append("</table>\n</body></html>\n");
        Path page = dir.resolve("index.html");
        Files.writeString(page, h);
        return page;
    }

    private void summaryCards(StringBuilder h) {
        long covered = coverage.count(CoverageReport.State.COVERED);
        h.append("<div class=\"cards\">")
                .append(card(codes.size(), "codes issued"))
                .append(card(covered + " / " + directory.agencies().size(), "agencies covered by a code"))
                .append(card(peak.getOrDefault(Sragen.SETDA, 0), "peak present at the Setda complex (limit 120)"))
                .append(card(samples.stream().mapToLong(Sample::dukcapilToday).max().orElse(0) + " / " + quota,
                        "Dispendukcapil guests served face to face"))
                .append(card(refusals.values().stream().mapToInt(Integer::intValue).sum(), "refusals"))
                .append("</div>\n");
    }

    private void bookings(StringBuilder h) {
        h.append("<h2>Dispendukcapil: booked ahead and walk-ins</h2><div class=\"cards\">")
                .append(card(bookings.booked(), "places booked ahead and confirmed"))
                .append(card(bookings.arrived(), "booked visitors who came"))
                .append(card(bookings.noShows() + " (" + Math.round(100 * bookings.noShowRate()) + " %)",
                        "no-shows, their places given to walk-ins"))
                .append(card(bookings.walkIns(), "walk-ins admitted"))
                .append("</div>\n<table><tr><th>time (WIB)</th><th>wait estimate at 3 counters</th></tr>");
        for (Wait w : waits) {
            h.append("<tr><td>").append(CLOCK.format(w.at().atZone(Sragen.WIB))).append("</td><td>")
                    .append(w.estimate().toMinutes()).append(" min</td></tr>");
        }
        h.append("</table>\n");
    }

    private static String card(Object value, String label) {
        return "<div class=\"card\"><b>" + value + "</b>" + escape(label) + "</div>";
    }

    private void coverage(StringBuilder h) {
        h.append("<h2>Coverage: which agency has a code</h2><p>").append(escape(coverage.summary()))
                .append("</p><table><tr><th>agency</th><th>works at</th><th>status</th><th>since</th>"
                        + "<th>valid until</th></tr>");
        for (AgencyRow agency : coverage.agencies()) {
            List<Site> sites = directory.sitesOf(agency.agency());
            String status;
            String until = "";
            if (agency.state() == CoverageReport.State.COVERED) {
                CoveringCode code = agency.codes().get(0);
                status = code.isShared() ? "<span class=\"shared\">covered: shared code of " + code.agencies()
                        + " units</span>" : "<span class=\"ok\">covered: own code</span>";
                until = DATE.format(code.validUntil().atZone(Sragen.WIB).minusNanos(1));
            } else if (agency.state() == CoverageReport.State.PENDING) {
                status = "<span class=\"wait\">requested, waiting for the code</span>";
            } else if (agency.state() == CoverageReport.State.REJECTED) {
                status = "<span class=\"none\">request rejected: screens visitors by hand</span>";
            } else if (sites.isEmpty()) {
                status = "no site of its own (its " + directory.subAgencies(agency.agency()).size()
                        + " sections are listed separately)";
            } else {
                status = "<span class=\"none\">no code: screens visitors by hand</span>";
            }
            String since = agency.since().map(t -> DATE.format(t.atZone(Sragen.WIB))).orElse("");
            h.append("<tr><td>").append(escape(agency.name())).append("</td><td>")
                    .append(escape(sites.stream().map(Site::name).reduce((a, b) -> a + ", " + b).orElse("")))
                    .append("</td><td>").append(status).append("</td><td>").append(since).append("</td><td>")
                    .append(until).append("</td></tr>");
        }
        h.append("</table>\n");
    }

    private String chart() {
        int max = 0;
        for (Sample s : samples) {
            max = Math.max(max, Math.max(s.setda(), Math.max(s.dukcapil(), s.others())));
        }
        int top = Math.max(10, (max + 19) / 20 * 20);
        StringBuilder svg = frame("People present", top, 20);
        svg.append(line(s -> s.setda(), top, "#2b6cb0", "Setda complex (14 units, one code)", 30));
        svg.append(line(s -> s.others(), top, "#38a169", "RSUD, puskesmas and other sites with a code", 46));
        svg.append(line(s -> s.dukcapil(), top, "#d69e2e", "Dispendukcapil (no code, walk-ins)", 62));
        return svg.append("</svg>\n").toString();
    }

    /** The puskesmas whose link dropped: the offline window on its occupancy chart, and the sync's report. */
    private void offline(StringBuilder h) {
        int top = 20;
        for (Sample s : samples) {
            top = Math.max(top, (Math.max(s.clinicCentral(), s.clinicAtTheDoor()) + 9) / 10 * 10);
        }
        StringBuilder svg = frame("Puskesmas Karangmalang: people present", top, 5);
        double from = x(clinic.offlineFrom());
        double until = x(clinic.offlineUntil());
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"30\" width=\"%.1f\" height=\"230\""
                + " fill=\"#fde8e8\"/><text x=\"%.1f\" y=\"44\" fill=\"#b42318\">link down: the kiosk decides"
                + " offline</text>", from, until - from, from + 4));
        svg.append(line(s -> s.clinicCentral(), top, "#2b6cb0", "central view (leased places count as present)",
                30));
        svg.append(line(s -> s.clinicAtTheDoor(), top, "#38a169", "at the door (the kiosk's count while offline)",
                46));
        h.append("<h2>A puskesmas offline for two hours</h2><p>Before its link drops at 11:00 the kiosk of Puskesmas"
                + " Karangmalang leases ").append(OfflineClinic.LEASED).append(" places from the central ledger;"
                + " offline it decides check-ins against the lease with the gate's rules, each decision on disk in"
                + " its journal before it is answered, and at 13:00 it uploads the journal. A spare tablet leases "
                + OfflineClinic.SPARE + " places as well and never uses them: they come back when its lease runs"
                + " out.</p>")
                .append(svg.append("</svg>\n"));
        Reconciliation r = clinic.report();
        h.append("<table><tr><th>reconciliation of ").append(escape(r.device())).append("</th><th></th></tr>")
                .append("<tr><td>decisions applied</td><td>").append(r.applied()).append("</td></tr>")
                .append("<tr><td>admitted offline</td><td>").append(r.admittedOffline()).append("</td></tr>")
                .append("<tr><td>places returned to the central ledger</td><td>").append(r.returned())
                .append("</td></tr>")
                .append("<tr><td>the spare tablet's unused lease, run out at 14:00: places present back</td><td>")
                .append(clinic.spareReturned()).append("</td></tr>")
                .append("<tr><td>… and places of today's quota back</td><td>").append(clinic.spareQuotaReturned())
                .append("</td></tr>");
        for (Reconciliation.Conflict c : r.conflicts()) {
            h.append("<tr><td class=\"none\">conflict ").append(c.kind()).append(", decision #")
                    .append(c.sequence()).append("</td><td>").append(CLOCK.format(c.decision().at().atZone(
                            Sragen.WIB))).append(" WIB, kept and flagged</td></tr>");
        }
        h.append("</table>\n");
    }

    private String quotaChart() {
        int top = (quota + 49) / 50 * 50;
        StringBuilder svg = frame("Dispendukcapil guests admitted today (daily quota " + quota + ")", top, 50);
        double y = y(quota, top);
        svg.append(String.format(Locale.ROOT, "<line x1=\"60\" x2=\"1060\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#b42318\""
                + " stroke-dasharray=\"6 4\"/><text x=\"1060\" y=\"%.1f\" text-anchor=\"end\" fill=\"#b42318\""
                + " font-size=\"12\">quota %d</text>", y, y, y - 4, quota));
        svg.append(line(s -> s.dukcapilToday(), top, "#d69e2e", "admitted today", 200));
        return svg.append("</svg>\n").toString();
    }

    private StringBuilder frame(String title, int top, int step) {
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\""
                + " width=\"1100\" height=\"300\" font-family=\"system-ui,sans-serif\" font-size=\"11\">"
                + "<text x=\"60\" y=\"16\" font-size=\"14\" font-weight=\"600\">%s</text>", escape(title)));
        for (int v = 0; v <= top; v += step) {
            double y = y(v, top);
            svg.append(String.format(Locale.ROOT, "<line x1=\"60\" x2=\"1060\" y1=\"%.1f\" y2=\"%.1f\""
                    + " stroke=\"#e2e8f0\"/><text x=\"54\" y=\"%.1f\" text-anchor=\"end\">%d</text>", y, y, y + 4, v));
        }
        for (int hour = 7; hour <= 17; hour++) {
            double x = x(Sragen.at(hour, 0));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"260\" y2=\"265\""
                    + " stroke=\"#555\"/><text x=\"%.1f\" y=\"278\" text-anchor=\"middle\">%02d:00</text>", x, x, x,
                    hour));
        }
        return svg.append("<line x1=\"60\" x2=\"1060\" y1=\"260\" y2=\"260\" stroke=\"#555\"/>");
    }

    private String line(ToDoubleFunction<Sample> value, int top, String colour, String label, int legendY) {
        StringBuilder points = new StringBuilder();
        for (Sample s : samples) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(s.at()), y(value.applyAsDouble(s), top)));
        }
        return String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>"
                + "<rect x=\"700\" y=\"%d\" width=\"14\" height=\"4\" fill=\"%s\"/><text x=\"720\" y=\"%d\">%s</text>",
                colour, points.toString().trim(), legendY, colour, legendY + 5, escape(label));
    }

    private static double x(Instant t) {
        double from = Sragen.at(6, 45).getEpochSecond();
        double until = Sragen.at(17, 30).getEpochSecond();
        return 60 + 1000 * (t.getEpochSecond() - from) / (until - from);
    }

    private static double y(double v, int top) {
        return 260 - 230 * v / top;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
