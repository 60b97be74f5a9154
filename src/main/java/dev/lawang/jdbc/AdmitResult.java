package dev.lawang.jdbc;

import dev.lawang.capacity.Admission;
import dev.lawang.capacity.Departure;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.Role;
import dev.lawang.visit.Ticket;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.VisitorRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One row returned by {@code lawang_admit_via} or {@code lawang_check_in}, turned into an {@link Admission}. */
final class AdmitResult {
    static final AdmitResult ID_IN_USE = new AdmitResult("ID_IN_USE", 0, 0, null, null, null, null);

    final String outcome;
    final long refusedCount;
    final int refusedLimit;
    final @Nullable Ticket stay;
    final @Nullable Instant start;
    final @Nullable Departure moved;
    final @Nullable LocalDate lastDay;

    private AdmitResult(String outcome, long refusedCount, int refusedLimit, @Nullable Ticket stay,
            @Nullable Instant start, @Nullable Departure moved, @Nullable LocalDate lastDay) {
        this.lastDay = lastDay;
        this.outcome = outcome;
        this.refusedCount = refusedCount;
        this.refusedLimit = refusedLimit;
        this.stay = stay;
        this.start = start;
        this.moved = moved;
    }

    static AdmitResult from(ResultSet rs, VisitorRef visitor) throws SQLException {
        String outcome = Objects.requireNonNull(rs.getString("outcome"), "outcome");
        Instant start = rs.getObject("started_at") == null ? null : Rows.instant(rs, "started_at");
        Ticket stay = null;
        if (rs.getObject("visit_id") != null) {
            stay = new Ticket(Rows.ticketId(rs, "visit_id"), SiteId.of(rs.getString("site_id")),
                    AgencyId.of(rs.getString("agency_id")), Role.valueOf(rs.getString("role")),
                    Rows.channel(rs, "channel"), Rows.instant(rs, "started_at"),
                    Rows.instant(rs, "due_at"));
        }
        Departure moved = null;
        if (rs.getObject("moved_visit_id") != null) {
            Ticket before = new Ticket(Rows.ticketId(rs, "moved_visit_id"),
                    SiteId.of(rs.getString("moved_site_id")), AgencyId.of(rs.getString("moved_agency_id")),
                    Role.valueOf(rs.getString("moved_role")), Rows.channel(rs, "moved_channel"),
                    Rows.instant(rs, "moved_started_at"),
                    Rows.instant(rs, "moved_due_at"));
            moved = new Departure(before, visitor, Rows.instant(rs, "moved_ended_at"), Departure.Cause.MOVED);
        }
        return new AdmitResult(outcome, rs.getLong("refused_count"), rs.getInt("refused_limit"), stay, start,
                moved, rs.getObject("last_day", LocalDate.class));
    }

    /**
     * After a lost connection, a repeat by our own ticket id means the lost attempt committed: for the caller
     * this is the first admission (its move, if any, is no longer known).
     */
    AdmitResult ownRetry(boolean earlierMayHaveCommitted, TicketId ticket) {
        if (earlierMayHaveCommitted && outcome.equals("REPEAT") && stay != null
                && stay.id().equals(ticket)) {
            return new AdmitResult("ADMITTED", refusedCount, refusedLimit, stay, start, null, lastDay);
        }
        return this;
    }

    Instant requireStart() throws IllegalStateException {
        if (start == null) {
            throw new IllegalStateException("lawang_admit gave no instant with " + outcome);
        }
        return start;
    }

    Admission toAdmission() {
        return switch (outcome) {
            case "ADMITTED", "REPEAT" -> {
                if (stay == null) {
                    throw new IllegalStateException("lawang_admit gave no visit with " + outcome);
                }
                yield new Admission.Admitted(stay, outcome.equals("REPEAT"), moved);
            }
            case "SITE_FULL" -> new Admission.Refused(Admission.Reason.SITE_FULL, refusedCount, refusedLimit);
            case "AGENCY_FULL" -> new Admission.Refused(Admission.Reason.AGENCY_FULL, refusedCount, refusedLimit);
            case "SITE_QUOTA_REACHED", "AGENCY_QUOTA_REACHED" ->
                    new Admission.Refused(Admission.Reason.DAILY_QUOTA_REACHED, refusedCount, refusedLimit);
            default -> throw new IllegalStateException("lawang_admit gave an unknown outcome: " + outcome);
        };
    }
}
