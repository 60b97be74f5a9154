package dev.lawang.request;

import dev.lawang.request.CodeRequest.Problem;
import dev.lawang.request.CoverageReport.AgencyRow;
import dev.lawang.request.CoverageReport.CoveringCode;
import dev.lawang.request.CoverageReport.ExpiringSite;
import dev.lawang.request.CoverageReport.State;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The CSV and Markdown forms of a {@link CoverageReport}, as {@link CoverageReport#toCsv()} and
 * {@link CoverageReport#toMarkdown(Duration)} describe them.
 */
final class CoverageReportExport {
    private CoverageReportExport() {
    }

    static String csv(CoverageReport report) {
        StringBuilder sb = new StringBuilder();
        csvLine(sb, "agency", "name", "state", "site", "code", "scope", "valid_until", "request", "request_state",
                "since", "reason");
        for (AgencyRow a : report.agencies()) {
            String agency = a.agency().value();
            String state = a.state().name().toLowerCase(Locale.ROOT);
            if (a.state() == State.COVERED) {
                for (CoveringCode c : a.codes()) {
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

    private static String scope(CoveringCode c) {
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

    static String markdown(CoverageReport report, Duration expiringWindow) {
        List<ExpiringSite> expiring = report.expiringWithin(expiringWindow);
        StringBuilder sb = new StringBuilder();
        sb.append("# Code coverage at ").append(report.at()).append("\n\n").append(report.summary()).append('\n');
        List<AgencyRow> covered = report.inState(State.COVERED);
        if (!covered.isEmpty()) {
            sb.append("\n## Covered (").append(covered.size()).append(")\n\n");
            sb.append("| Agency | Name | Site | Code | Scope | Valid until |\n");
            sb.append("|---|---|---|---|---|---|\n");
            for (AgencyRow a : covered) {
                for (CoveringCode c : a.codes()) {
                    row(sb, a.agency().value(), a.name(), c.site().value(), c.code().toString(),
                            c.isShared() ? "shared (" + c.agencies() + ")" : "own", c.validUntil().toString());
                }
            }
        }
        List<AgencyRow> pending = report.inState(State.PENDING);
        if (!pending.isEmpty()) {
            sb.append("\n## Pending (").append(pending.size()).append(")\n\n");
            sb.append("| Agency | Name | Request | State | Since |\n");
            sb.append("|---|---|---|---|---|\n");
            for (AgencyRow a : pending) {
                RequestEntry r = a.request().orElseThrow();
                row(sb, a.agency().value(), a.name(), r.id().toString(), r.state().name().toLowerCase(Locale.ROOT),
                        r.submittedAt().toString());
            }
        }
        List<AgencyRow> rejected = report.inState(State.REJECTED);
        if (!rejected.isEmpty()) {
            sb.append("\n## Rejected (").append(rejected.size()).append(")\n\n");
            sb.append("| Agency | Name | Request | Rejected at | Reason |\n");
            sb.append("|---|---|---|---|---|\n");
            for (AgencyRow a : rejected) {
                RequestEntry r = a.request().orElseThrow();
                row(sb, a.agency().value(), a.name(), r.id().toString(), r.since().toString(),
                        r.rejectionReason().orElse(""));
            }
        }
        List<AgencyRow> none = report.inState(State.NONE);
        if (!none.isEmpty()) {
            sb.append("\n## Without a code (").append(none.size()).append(")\n\n");
            sb.append("| Agency | Name |\n");
            sb.append("|---|---|\n");
            for (AgencyRow a : none) {
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
        if (!report.problems().isEmpty()) {
            sb.append("\n## Problems\n\n");
            for (Problem p : report.problems()) {
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
}
