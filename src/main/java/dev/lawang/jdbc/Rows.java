package dev.lawang.jdbc;

import dev.lawang.visit.EntryChannel;
import dev.lawang.visit.TicketId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Values to and from the schema's columns: instants as {@code timestamptz}, ids as {@code uuid}, names as text. */
final class Rows {
    private Rows() {
    }

    static void setInstant(PreparedStatement ps, int index, @Nullable Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        if (value == null) {
            throw new SQLException("unexpected NULL instant in column " + column, "XX000");
        }
        return value.toInstant();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return instant(rs, rs.findColumn(column));
    }

    static EntryChannel channel(ResultSet rs, String column) throws SQLException {
        String name = rs.getString(column);
        if (name == null) {
            throw new SQLException("unexpected NULL channel in column " + column, "XX000");
        }
        return EntryChannel.valueOf(name);
    }

    static TicketId ticketId(ResultSet rs, String column) throws SQLException {
        return ticketId(rs, rs.findColumn(column));
    }

    static TicketId ticketId(ResultSet rs, int column) throws SQLException {
        TicketId id = nullableTicketId(rs, column);
        if (id == null) {
            throw new SQLException("unexpected NULL id in column " + column, "XX000");
        }
        return id;
    }

    static @Nullable TicketId nullableTicketId(ResultSet rs, int column) throws SQLException {
        UUID id = rs.getObject(column, UUID.class);
        return id == null ? null : TicketId.of(id.getMostSignificantBits(), id.getLeastSignificantBits());
    }
}
