package dev.lawang.kiosk;

import dev.lawang.RefusalReason;
import dev.lawang.code.CodeId;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.EntryChannel;
import dev.lawang.visit.Role;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.VisitorRef;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * The journal's bytes, as docs/offline.md describes them: an 8-byte file header, then frames of a 10-byte header
 * (payload length, record type, record version, CRC-32C of those six bytes), the payload, and a CRC-32C of header
 * and payload. All integers are big-endian.
 *
 * <p>The header has its own checksum so that a damaged length is told from a frame cut off by a crash: without it,
 * a flipped bit in a length in the middle of the file would make the frame reach past the end and look torn.
 */
final class JournalFormat {
    static final byte[] MAGIC = {'L', 'A', 'W', 'A', 'N', 'G', 'J', 1};
    static final int HEADER = 10;
    static final int TRAILER = 4;
    static final int MAX_PAYLOAD = 4096;
    static final int TYPE_DECISION = 1;
    /** Version 2 keeps a check-in's code issue time and entry channel; version 1 kept only the code's id. */
    static final int VERSION_DECISION = 2;

    private static final int FLAG_CLOCK_JUMPED = 1;
    private static final int FLAG_TICKET = 2;
    private static final int FLAG_REFUSAL = 4;
    private static final int FLAG_CODE = 8;
    private static final int NANOS_PER_SECOND = 1_000_000_000;

    private JournalFormat() {
    }

    /** Returns the whole frame of one decision record. */
    static byte[] frame(long sequence, OfflineDecision d) {
        byte[] site = ascii(d.site().value());
        byte[] agency = ascii(d.agency().value());
        TicketId ticket = d.ticket();
        RefusalReason reason = d.refusal();
        byte[] refusal = reason == null ? new byte[0] : ascii(reason.name());
        OfflineDecision.Code code = d.code();
        int payload = 8 + 1 + 1 + 1 + 8 + 4 + 1 + site.length + 1 + agency.length + 32
                + (ticket == null ? 0 : 16) + (reason == null ? 0 : 1 + refusal.length)
                + (code == null ? 0 : 32 + 8 + 1);
        ByteBuffer b = ByteBuffer.allocate(HEADER + payload + TRAILER);
        b.putInt(payload).put((byte) TYPE_DECISION).put((byte) VERSION_DECISION);
        b.putInt(crc(b.array(), 0, 6));
        b.putLong(sequence).put(kindCode(d.kind())).put(roleCode(d.role()));
        int flags = (d.clockJumped() ? FLAG_CLOCK_JUMPED : 0) | (ticket == null ? 0 : FLAG_TICKET)
                | (reason == null ? 0 : FLAG_REFUSAL) | (code == null ? 0 : FLAG_CODE);
        Instant at = d.at();
        long seconds = at.getEpochSecond();
        b.put((byte) flags).putLong(seconds).putInt(at.getNano());
        b.put((byte) site.length).put(site).put((byte) agency.length).put(agency);
        b.put(ascii(d.visitor().toText()));
        if (ticket != null) {
            b.putLong(ticket.high()).putLong(ticket.low());
        }
        if (reason != null) {
            b.put((byte) refusal.length).put(refusal);
        }
        if (code != null) {
            b.put(ascii(code.id().toString())).putLong(code.issuedAt().getEpochSecond())
                    .put(channelCode(code.channel()));
        }
        b.putInt(crc(b.array(), 0, HEADER + payload));
        return b.array();
    }

    static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    static int crc(ByteBuffer bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes.slice(offset, length));
        return (int) crc.getValue();
    }

    /**
     * Reads the payload of a decision record whose checksums held. Returns the problem in words when it is not a
     * well-formed version-2 decision, so that the reader can name the position.
     */
    static final class Decoder {
        // A journal names a handful of sites and agencies; sharing their ids keeps a large recovery small.
        private final Map<String, SiteId> sites = new HashMap<>();
        private final Map<String, AgencyId> agencies = new HashMap<>();
        private @Nullable String problem;
        private long sequence;

        @Nullable OfflineDecision decode(ByteBuffer payload) {
            problem = null;
            try {
                sequence = payload.getLong();
                OfflineDecision.Kind kind = kind(payload.get());
                Role role = role(payload.get());
                int flags = payload.get() & 0xff;
                if ((flags & ~(FLAG_CLOCK_JUMPED | FLAG_TICKET | FLAG_REFUSAL | FLAG_CODE)) != 0) {
                    return fail("unknown flags " + flags);
                }
                long seconds = payload.getLong();
                int nanos = payload.getInt();
                if (nanos < 0 || nanos >= NANOS_PER_SECOND) {
                    return fail("nanosecond field out of range");
                }
                Instant at = Instant.ofEpochSecond(seconds, nanos);
                String siteText = text(payload);
                String agencyText = text(payload);
                byte[] visitorText = new byte[32];
                payload.get(visitorText);
                VisitorRef visitor = VisitorRef.parse(new String(visitorText, StandardCharsets.ISO_8859_1));
                TicketId ticket = (flags & FLAG_TICKET) == 0 ? null
                        : TicketId.of(payload.getLong(), payload.getLong());
                RefusalReason refusal = (flags & FLAG_REFUSAL) == 0 ? null : RefusalReason.valueOf(text(payload));
                OfflineDecision.Code code = null;
                if ((flags & FLAG_CODE) != 0) {
                    byte[] codeText = new byte[32];
                    payload.get(codeText);
                    CodeId id = CodeId.parse(new String(codeText, StandardCharsets.ISO_8859_1));
                    Instant issuedAt = Instant.ofEpochSecond(payload.getLong());
                    int channelCode = payload.get() & 0xff;
                    EntryChannel channel = channel(channelCode);
                    if (channel == null) {
                        return fail("unknown entry channel " + channelCode);
                    }
                    code = new OfflineDecision.Code(id, issuedAt, channel);
                }
                if (payload.hasRemaining()) {
                    return fail(payload.remaining() + " bytes after the decision");
                }
                if (kind == null || role == null) {
                    return fail("unknown kind or role code");
                }
                SiteId site = sites.computeIfAbsent(siteText, SiteId::of);
                AgencyId agency = agencies.computeIfAbsent(agencyText, AgencyId::of);
                return new OfflineDecision(kind, at, site, agency, visitor, role, ticket, refusal,
                        (flags & FLAG_CLOCK_JUMPED) != 0, code);
            } catch (BufferUnderflowException e) {
                return fail("payload shorter than its fields");
            } catch (IllegalArgumentException | DateTimeException e) {
                // Not the cause's message: a malformed pseudonym's text must not reach a log.
                return fail("a field is out of range or the fields do not form a decision");
            }
        }

        long sequence() {
            return sequence;
        }

        @Nullable String problem() {
            return problem;
        }

        private @Nullable OfflineDecision fail(String why) {
            problem = why;
            return null;
        }

        private static String text(ByteBuffer payload) {
            byte[] bytes = new byte[payload.get() & 0xff];
            payload.get(bytes);
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static byte kindCode(OfflineDecision.Kind kind) {
        return switch (kind) {
            case CHECK_IN -> 1;
            case WALK_IN -> 2;
            case CHECK_OUT -> 3;
        };
    }

    private static OfflineDecision.@Nullable Kind kind(byte code) {
        return switch (code) {
            case 1 -> OfflineDecision.Kind.CHECK_IN;
            case 2 -> OfflineDecision.Kind.WALK_IN;
            case 3 -> OfflineDecision.Kind.CHECK_OUT;
            default -> null;
        };
    }

    private static byte channelCode(EntryChannel channel) {
        return switch (channel) {
            case PRINTED_CODE -> 1;
            case ROTATING_CODE -> 2;
            case REGISTERED_FOREIGN_CODE -> 3;
            case WALK_IN, LEASED -> throw new IllegalArgumentException("no code comes in as " + channel);
        };
    }

    private static @Nullable EntryChannel channel(int code) {
        return switch (code) {
            case 1 -> EntryChannel.PRINTED_CODE;
            case 2 -> EntryChannel.ROTATING_CODE;
            case 3 -> EntryChannel.REGISTERED_FOREIGN_CODE;
            default -> null;
        };
    }

    private static byte roleCode(Role role) {
        return switch (role) {
            case STAFF -> 1;
            case GUEST -> 2;
        };
    }

    private static @Nullable Role role(byte code) {
        return switch (code) {
            case 1 -> Role.STAFF;
            case 2 -> Role.GUEST;
            default -> null;
        };
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
