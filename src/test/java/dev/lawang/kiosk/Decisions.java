package dev.lawang.kiosk;

import dev.lawang.RefusalReason;
import dev.lawang.code.CodeId;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.EntryChannel;
import dev.lawang.visit.Role;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.VisitorRef;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Decisions for the journal's tests, each one told apart by its instant. */
final class Decisions {
    static final SiteId SITE = SiteId.of("puskesmas-sragen");
    static final AgencyId AGENCY = AgencyId.of("dinkes");
    static final byte[] SECRET = "the kiosk tests' pseudonym secret, 32+".getBytes(StandardCharsets.US_ASCII);
    private static final long BASE = 1_700_000_000L;

    private Decisions() {
    }

    /**
     * The same every time for the same numbers: an admitted walk-in, 109 bytes on disk (docs/offline.md: a 10-byte
     * header, 95 bytes of payload for these ids, a 4-byte checksum).
     */
    static OfflineDecision admitted(int n) {
        return OfflineDecision.of(OfflineDecision.Kind.WALK_IN, Instant.ofEpochSecond(BASE, n), SITE, AGENCY,
                visitor(n), Role.GUEST, TicketId.of(n, n), false);
    }

    /** A mix of kinds and outcomes, identified by {@code (run, thread, counter)} through its instant. */
    static OfflineDecision mixed(int run, int thread, int counter) {
        Instant at = Instant.ofEpochSecond(BASE + run, thread * 100_000_000L + counter);
        VisitorRef visitor = visitor(run * 1_000_000 + thread * 100_000 + counter % 100_000);
        Role role = counter % 7 == 0 ? Role.STAFF : Role.GUEST;
        return switch (counter % 5) {
            case 0, 1 -> OfflineDecision.of(OfflineDecision.Kind.WALK_IN, at, SITE, AGENCY, visitor, role,
                    TicketId.of(((long) run << 32) | thread, counter), counter % 11 == 0);
            case 2 -> OfflineDecision.checkIn(at, SiteId.of("setda-complex"), AgencyId.of("disdukcapil"), visitor,
                    role, TicketId.of(run, counter), code(run, counter), false);
            case 3 -> OfflineDecision.of(OfflineDecision.Kind.CHECK_OUT, at, SITE, AGENCY, visitor, role,
                    TicketId.of(thread, counter), false);
            default -> OfflineDecision.refused(OfflineDecision.Kind.CHECK_IN, at, SITE, AGENCY, visitor, role,
                    RefusalReason.DAILY_QUOTA_REACHED, counter % 3 == 0);
        };
    }

    /** A code for a check-in, each way in by turns, issued a whole number of seconds before the decision. */
    static OfflineDecision.Code code(int run, int counter) {
        EntryChannel[] coded = {EntryChannel.PRINTED_CODE, EntryChannel.ROTATING_CODE,
            EntryChannel.REGISTERED_FOREIGN_CODE};
        return new OfflineDecision.Code(CodeId.parse(String.format("%016x%016x", run, counter)),
                Instant.ofEpochSecond(BASE - 86_400L - counter), coded[counter % 3]);
    }

    /** The {@code (run, thread, counter)} a {@link #mixed} decision was made from. */
    static int[] key(OfflineDecision d) {
        return new int[] {(int) (d.at().getEpochSecond() - BASE), d.at().getNano() / 100_000_000,
            d.at().getNano() % 100_000_000};
    }

    static VisitorRef visitor(int n) {
        return VisitorRef.pseudonymise("v" + n, SECRET);
    }
}
