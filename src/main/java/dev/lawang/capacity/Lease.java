package dev.lawang.capacity;

import java.time.Instant;
import java.util.UUID;

/**
 * An open visit inside {@link InMemoryLedger}. Kept small, because a ledger holds one per person present: the id as
 * two longs rather than a {@link UUID}, instants as epoch microseconds.
 *
 * <p>Mutable: {@code open} is guarded by the lock of {@link #site}; the other fields are final.
 */
final class Lease {
    final long idHigh;
    final long idLow;
    final String visitorKey;
    final SiteState site;
    final AgencyState agency;
    final Role role;
    final long startMicros;
    final long dueMicros;
    boolean open;

    Lease(UUID id, String visitorKey, SiteState site, AgencyState agency, Role role, long startMicros,
            long dueMicros) {
        this.idHigh = id.getMostSignificantBits();
        this.idLow = id.getLeastSignificantBits();
        this.visitorKey = visitorKey;
        this.site = site;
        this.agency = agency;
        this.role = role;
        this.startMicros = startMicros;
        this.dueMicros = dueMicros;
    }

    boolean hasId(long high, long low) {
        return idHigh == high && idLow == low;
    }

    boolean sameVisitAs(AdmitRequest request) {
        return visitorKey.equals(request.visitorKey()) && site.id.equals(request.site())
                && agency.id.equals(request.agency()) && role == request.role();
    }

    UUID id() {
        return new UUID(idHigh, idLow);
    }

    /** The stay, with {@code id} equal to this lease's id: the caller's copy, which spares a new one. */
    Stay toStay(UUID id) {
        return new Stay(id, site.id, agency.id, role, instant(startMicros), instant(dueMicros));
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    static long micros(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
        } catch (ArithmeticException e) {
            throw new IllegalStateException("clock instant out of range: " + instant, e);
        }
    }
}
