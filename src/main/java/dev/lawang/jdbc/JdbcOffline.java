package dev.lawang.jdbc;

import dev.lawang.capacity.OfflineEffect;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.Role;
import dev.lawang.visit.Ticket;
import dev.lawang.visit.TicketId;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * {@link JdbcLedger#applyOffline}: one call of the schema's {@code lawang_apply_offline} (schema version 7), which
 * records the decision as applied and applies its effect in the same statement, in auto-commit mode. Repeating it
 * after a lost connection is safe: the record of the device and sequence number makes the repeat a no-op.
 */
final class JdbcOffline {
    private static final String APPLY = "SELECT * FROM lawang_apply_offline(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** A batch in one statement: the calls run in the arrays' order, one per row. */
    private static final String APPLY_ALL = "SELECT r.* FROM unnest(?::varchar[], ?::bigint[], ?::varchar[],"
            + " ?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],"
            + " ?::integer[], ?::integer[]) WITH ORDINALITY AS x(device, seq, kind, ticket, visitor, site, agency,"
            + " role, channel, at, ph_from, ph_to, n) CROSS JOIN LATERAL lawang_apply_offline(x.device, x.seq,"
            + " x.kind::char, x.ticket, x.visitor, x.site, x.agency, x.role, x.channel, x.at::timestamptz,"
            + " (?::uuid[])[x.ph_from:x.ph_to], ?, ?, ?) r ORDER BY x.n";

    private JdbcOffline() {
    }

    static OfflineEffect.Applied apply(Transactions transactions, OfflineEffect effect, Duration defaultStay,
            boolean keepsVisits, @Nullable Instant clock) {
        return transactions.autoCommit("apply offline decision",
                (c, retry) -> call(c, effect, defaultStay, keepsVisits, clock), true);
    }

    /**
     * Applies the effects in one transaction: one commit for the batch. Repeated whole after a transient failure;
     * after a commit lost with the connection, the batch counts as committed if its first recorded decision is there.
     */
    static List<OfflineEffect.Applied> applyAll(Transactions transactions, List<OfflineEffect> effects,
            Duration defaultStay, boolean keepsVisits, @Nullable Instant clock) {
        if (effects.isEmpty()) {
            return List.of();
        }
        return transactions.run("apply offline decisions", c -> applyInOneStatement(c, effects, defaultStay,
                keepsVisits, clock), results -> true, (c, results) -> {
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).outcome() != OfflineEffect.Outcome.NO_OPEN_PLACEHOLDER) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM lawang_offline_applied"
                            + " WHERE device_id = ? AND sequence = ?")) {
                        ps.setString(1, effects.get(i).device());
                        ps.setLong(2, effects.get(i).sequence());
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next();
                        }
                    }
                }
            }
            return true;
        }, true);
    }

    /** Every effect of a batch in one round trip: each row of the arrays is one call, in order. */
    private static List<OfflineEffect.Applied> applyInOneStatement(Connection c, List<OfflineEffect> effects,
            Duration defaultStay, boolean keepsVisits, @Nullable Instant clock) throws SQLException {
        int n = effects.size();
        String[] devices = new String[n];
        Long[] sequences = new Long[n];
        String[] kinds = new String[n];
        UUID[] tickets = new UUID[n];
        String[] visitors = new String[n];
        String[] sites = new String[n];
        String[] agencies = new String[n];
        String[] roles = new String[n];
        String[] channels = new String[n];
        String[] ats = new String[n];
        Integer[] from = new Integer[n];
        Integer[] to = new Integer[n];
        List<UUID> placeholders = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            OfflineEffect e = effects.get(i);
            devices[i] = e.device();
            sequences[i] = e.sequence();
            kinds[i] = kind(e.kind());
            tickets[i] = e.stay().ticket().toUuid();
            visitors[i] = e.stay().visitor().toText();
            sites[i] = e.stay().site().value();
            agencies[i] = e.stay().agency().value();
            roles[i] = e.stay().role().name();
            channels[i] = e.stay().channel().name();
            ats[i] = e.at().truncatedTo(ChronoUnit.MICROS).toString();
            from[i] = placeholders.size() + 1;
            for (TicketId p : e.placeholders()) {
                placeholders.add(p.toUuid());
            }
            to[i] = placeholders.size();
        }
        try (PreparedStatement ps = c.prepareStatement(APPLY_ALL)) {
            ps.setArray(1, c.createArrayOf("varchar", devices));
            ps.setArray(2, c.createArrayOf("int8", sequences));
            ps.setArray(3, c.createArrayOf("varchar", kinds));
            ps.setArray(4, c.createArrayOf("uuid", tickets));
            ps.setArray(5, c.createArrayOf("varchar", visitors));
            ps.setArray(6, c.createArrayOf("varchar", sites));
            ps.setArray(7, c.createArrayOf("varchar", agencies));
            ps.setArray(8, c.createArrayOf("varchar", roles));
            ps.setArray(9, c.createArrayOf("varchar", channels));
            ps.setArray(10, c.createArrayOf("varchar", ats));
            ps.setArray(11, c.createArrayOf("int4", from));
            ps.setArray(12, c.createArrayOf("int4", to));
            ps.setArray(13, c.createArrayOf("uuid", placeholders.toArray(UUID[]::new)));
            ps.setLong(14, defaultStay.toNanos() / 1_000);
            ps.setBoolean(15, keepsVisits);
            Rows.setInstant(ps, 16, clock);
            List<OfflineEffect.Applied> results = new ArrayList<>(n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    results.add(applied(rs));
                }
            }
            if (results.size() != n) {
                throw new SQLException("lawang_apply_offline returned " + results.size() + " rows for " + n, "XX000");
            }
            return results;
        }
    }

    private static String kind(OfflineEffect.Kind kind) {
        return switch (kind) {
            case ADMISSION -> "A";
            case CHECK_OUT -> "O";
            case REFUSAL -> "R";
        };
    }

    private static OfflineEffect.Applied call(Connection c, OfflineEffect effect, Duration defaultStay,
            boolean keepsVisits, @Nullable Instant clock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(APPLY)) {
            UUID[] placeholders = effect.placeholders().stream().map(TicketId::toUuid).toArray(UUID[]::new);
            Array array = c.createArrayOf("uuid", placeholders);
            ps.setString(1, effect.device());
            ps.setLong(2, effect.sequence());
            ps.setString(3, kind(effect.kind()));
            ps.setObject(4, effect.stay().ticket().toUuid());
            ps.setString(5, effect.stay().visitor().toText());
            ps.setString(6, effect.stay().site().value());
            ps.setString(7, effect.stay().agency().value());
            ps.setString(8, effect.stay().role().name());
            ps.setString(9, effect.stay().channel().name());
            Rows.setInstant(ps, 10, effect.at().truncatedTo(ChronoUnit.MICROS));
            ps.setArray(11, array);
            ps.setLong(12, defaultStay.toNanos() / 1_000);
            ps.setBoolean(13, keepsVisits);
            Rows.setInstant(ps, 14, clock);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("lawang_apply_offline returned no row", "XX000");
                }
                return applied(rs);
            }
        }
    }

    private static OfflineEffect.Applied applied(ResultSet rs) throws SQLException {
        OfflineEffect.Outcome outcome = OfflineEffect.Outcome.valueOf(rs.getString("outcome"));
        OfflineEffect.Outcome first = OfflineEffect.Outcome.valueOf(rs.getString("first_outcome"));
        TicketId visit = Rows.nullableTicketId(rs, rs.findColumn("visit_id"));
        Ticket stay = visit == null ? null : new Ticket(visit, SiteId.of(rs.getString("site_id")),
                AgencyId.of(rs.getString("agency_id")), Role.valueOf(rs.getString("role")), Rows.channel(rs, "channel"),
                Rows.instant(rs, "started_at"), Rows.instant(rs, "due_at"));
        return new OfflineEffect.Applied(outcome, stay, Rows.nullableTicketId(rs, rs.findColumn("placeholder_id")),
                first);
    }
}
