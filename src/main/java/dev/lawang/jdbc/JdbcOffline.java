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
    private static final String APPLY = "SELECT * FROM lawang_apply_offline(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

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
        return transactions.run("apply offline decisions", c -> {
            List<OfflineEffect.Applied> results = new ArrayList<>(effects.size());
            for (OfflineEffect effect : effects) {
                results.add(call(c, effect, defaultStay, keepsVisits, clock));
            }
            return results;
        }, results -> true, (c, results) -> {
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

    private static OfflineEffect.Applied call(Connection c, OfflineEffect effect, Duration defaultStay,
            boolean keepsVisits, @Nullable Instant clock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(APPLY)) {
            UUID[] placeholders = effect.placeholders().stream().map(TicketId::toUuid).toArray(UUID[]::new);
            Array array = c.createArrayOf("uuid", placeholders);
            ps.setString(1, effect.device());
            ps.setLong(2, effect.sequence());
            ps.setString(3, switch (effect.kind()) {
                case ADMISSION -> "A";
                case CHECK_OUT -> "O";
                case REFUSAL -> "R";
            });
            ps.setObject(4, effect.stay().ticket().toUuid());
            ps.setString(5, effect.stay().visitor().toText());
            ps.setString(6, effect.stay().site().value());
            ps.setString(7, effect.stay().agency().value());
            ps.setString(8, effect.stay().role().name());
            JdbcLedger.setInstant(ps, 9, effect.at().truncatedTo(ChronoUnit.MICROS));
            ps.setArray(10, array);
            ps.setLong(11, defaultStay.toNanos() / 1_000);
            ps.setBoolean(12, keepsVisits);
            JdbcLedger.setInstant(ps, 13, clock);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("lawang_apply_offline returned no row", "XX000");
                }
                OfflineEffect.Outcome outcome = OfflineEffect.Outcome.valueOf(rs.getString("outcome"));
                OfflineEffect.Outcome first = OfflineEffect.Outcome.valueOf(rs.getString("first_outcome"));
                UUID placeholder = rs.getObject("placeholder_id", UUID.class);
                Ticket stay = null;
                if (rs.getObject("visit_id") != null) {
                    stay = new Ticket(JdbcLedger.ticketId(rs, "visit_id"), SiteId.of(rs.getString("site_id")),
                            AgencyId.of(rs.getString("agency_id")), Role.valueOf(rs.getString("role")),
                            JdbcLedger.instant(rs, "started_at"), JdbcLedger.instant(rs, "due_at"));
                }
                return new OfflineEffect.Applied(outcome, stay, placeholder == null ? null
                        : TicketId.of(placeholder.getMostSignificantBits(), placeholder.getLeastSignificantBits()),
                        first);
            }
        }
    }
}
