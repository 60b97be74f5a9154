package dev.lawang.jdbc;

import dev.lawang.capacity.Admission;
import dev.lawang.capacity.AdmitRequest;
import dev.lawang.capacity.CapacityPolicy;
import dev.lawang.capacity.Limit;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.Ticket;
import dev.lawang.visit.TicketId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The baseline for {@link JdbcLedgerBenchmark}: the ledger as it is often first written. It reads the site's, the
 * agency's and the day's counts, compares them with the limits in Java, then raises them and records the stay, in
 * one READ COMMITTED transaction without locking what it read. Between the read and the write another client can
 * take the last place, so it over-admits; {@link #overAdmitted} counts commits that left more people present than
 * the site's limit, as the database reports right after the increment.
 *
 * <p>Same schema shape and the same writes as {@link JdbcLedger}, in tables of its own. Thread-safe.
 */
final class NaiveLedger {
    final AtomicLong checked = new AtomicLong();
    final AtomicLong overAdmitted = new AtomicLong();
    private final DataSource dataSource;
    private final CapacityPolicy policy;

    private NaiveLedger(DataSource dataSource, CapacityPolicy policy) {
        this.dataSource = dataSource;
        this.policy = policy;
    }

    static NaiveLedger create(DataSource dataSource, CapacityPolicy policy) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE naive_site (site_id varchar(64) PRIMARY KEY, present integer NOT NULL);"
                    + " CREATE TABLE naive_agency (site_id varchar(64), agency_id varchar(64), present integer NOT NULL,"
                    + " PRIMARY KEY (site_id, agency_id));"
                    + " CREATE TABLE naive_day (site_id varchar(64), day date, admitted integer NOT NULL,"
                    + " PRIMARY KEY (site_id, day));"
                    + " CREATE TABLE naive_stay (visit_id uuid PRIMARY KEY, visitor_key varchar(256) UNIQUE,"
                    + " site_id varchar(64), agency_id varchar(64), started_at timestamptz NOT NULL)");
        }
        return new NaiveLedger(dataSource, policy);
    }

    Admission admit(AdmitRequest request) {
        String site = request.site().value();
        String agency = request.agency().value();
        LocalDate day = LocalDate.now(request.zone());
        int siteLimit = policy.maxPresent(request.site()).map(Limit::nominal).orElse(Integer.MAX_VALUE);
        int agencyLimit = policy.maxPresent(request.site(), request.agency()).map(Limit::nominal)
                .orElse(Integer.MAX_VALUE);
        int quota = policy.dailyQuota(request.site()).map(Limit::nominal).orElse(Integer.MAX_VALUE);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int present;
                int agencyPresent;
                int admitted;
                try (PreparedStatement ps = c.prepareStatement("SELECT s.present, a.present, d.admitted"
                        + " FROM naive_site s, naive_agency a, naive_day d WHERE s.site_id = ? AND a.site_id = ?"
                        + " AND a.agency_id = ? AND d.site_id = ? AND d.day = ?")) {
                    ps.setString(1, site);
                    ps.setString(2, site);
                    ps.setString(3, agency);
                    ps.setString(4, site);
                    ps.setObject(5, day);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        present = rs.getInt(1);
                        agencyPresent = rs.getInt(2);
                        admitted = rs.getInt(3);
                    }
                }
                Admission.Reason refusal = present >= siteLimit ? Admission.Reason.SITE_FULL
                        : agencyPresent >= agencyLimit ? Admission.Reason.AGENCY_FULL
                        : admitted >= quota ? Admission.Reason.DAILY_QUOTA_REACHED : null;
                if (refusal != null) {
                    c.rollback();
                    return new Admission.Refused(refusal, present, Math.min(siteLimit, Limit.MAX));
                }
                int after;
                try (PreparedStatement ps = c.prepareStatement("UPDATE naive_site SET present = present + 1"
                        + " WHERE site_id = ? RETURNING present")) {
                    ps.setString(1, site);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        after = rs.getInt(1);
                    }
                }
                update(c, "UPDATE naive_agency SET present = present + 1 WHERE site_id = ? AND agency_id = ?", site,
                        agency);
                try (PreparedStatement ps = c.prepareStatement("UPDATE naive_day SET admitted = admitted + 1"
                        + " WHERE site_id = ? AND day = ?")) {
                    ps.setString(1, site);
                    ps.setObject(2, day);
                    ps.executeUpdate();
                }
                Instant now = Instant.now();
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO naive_stay VALUES (?, ?, ?, ?, ?)")) {
                    ps.setObject(1, request.ticket().toUuid());
                    ps.setString(2, request.visitor().toText());
                    ps.setString(3, site);
                    ps.setString(4, agency);
                    Rows.setInstant(ps, 5, now);
                    ps.executeUpdate();
                }
                c.commit();
                if (siteLimit != Integer.MAX_VALUE && siteLimit < Limit.MAX) {
                    checked.incrementAndGet();
                    if (after > siteLimit) {
                        overAdmitted.incrementAndGet();
                    }
                }
                return new Admission.Admitted(new Ticket(request.ticket(), request.site(), request.agency(),
                        request.role(), request.channel(), now, now.plus(policy.defaultStay())), false, null);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("naive admission failed", e);
        }
    }

    void release(TicketId visit) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            String site;
            String agency;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM naive_stay WHERE visit_id = ?"
                    + " RETURNING site_id, agency_id")) {
                ps.setObject(1, visit.toUuid());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        c.rollback();
                        return;
                    }
                    site = rs.getString(1);
                    agency = rs.getString(2);
                }
            }
            update(c, "UPDATE naive_site SET present = present - 1 WHERE site_id = ?", site);
            update(c, "UPDATE naive_agency SET present = present - 1 WHERE site_id = ? AND agency_id = ?", site,
                    agency);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("naive release failed", e);
        }
    }

    /** Creates the rows of the sites' counters ahead of the run, which spares the naive ledger some work. */
    void prepare(List<SiteId> sites, List<AgencyId> agencies) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (SiteId site : sites) {
                update(c, "INSERT INTO naive_site VALUES (?, 0)", site.value());
                for (AgencyId agency : agencies) {
                    update(c, "INSERT INTO naive_agency VALUES (?, ?, 0)", site.value(), agency.value());
                }
                for (int d = -1; d <= 1; d++) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO naive_day VALUES (?, ?, 0)")) {
                        ps.setString(1, site.value());
                        ps.setObject(2, LocalDate.now(ZoneId.of("Asia/Jakarta")).plusDays(d));
                        ps.executeUpdate();
                    }
                }
            }
            c.commit();
        }
    }

    private static void update(Connection c, String sql, String... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setString(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }
}
