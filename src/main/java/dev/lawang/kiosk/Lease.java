package dev.lawang.kiosk;

import dev.lawang.capacity.Admission;
import dev.lawang.capacity.AdmitRequest;
import dev.lawang.capacity.OccupancyLedger;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.EntryChannel;
import dev.lawang.visit.Role;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.Visit;
import dev.lawang.visit.VisitLog;
import dev.lawang.visit.VisitorRef;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Places escrowed from the central ledger for a kiosk that goes offline: a number of places present, and as many of
 * today's admissions, at one site for one agency, until an expiry.
 *
 * <p>A lease needs no ledger of its own kind: {@link #take} admits one <em>placeholder stay</em> per place into the
 * central {@link OccupancyLedger}, as a guest through the entry channel {@link EntryChannel#LEASED}, under a fresh
 * ticket id and a random pseudonym that stands for nobody, due when the lease ends
 * ({@link OccupancyLedger#admitUntil}), and records its visit, so the central counts hold the leased places as taken
 * and the gate's recovery does not take them for stays a crash left without visits. What the kiosk does not use
 * comes back, its place present and its place in the day's quota:
 *
 * <ul>
 *   <li>when it is given back ({@link #giveBack}, or {@link Sync#upload} with {@code giveBack}), through
 *       {@link OccupancyLedger#releaseUnused};
 *   <li>when the lease ends without being given back: the placeholders run out then, and the central gate's
 *       {@code expireStays()} closes them as places never used ({@link OccupancyLedger#expire} on a
 *       {@code LEASED} stay).
 * </ul>
 *
 * <p>A place in the quota comes back only while its day lasts; a lease that outlives its day leaves that day's
 * count as it was. {@link Sync} turns a used placeholder into the admission it stood for
 * ({@code OccupancyLedger.applyOffline}), which keeps its place in the quota. Its limits, stated plainly:
 *
 * <ul>
 *   <li>Placeholders are guests: a quota that counts only staff is not escrowed.
 *   <li>The placeholders' visits are in the visit log, with the channel {@code LEASED} and under pseudonyms that
 *       match nobody; contact tracing finds no one through them.
 *   <li>A lease lasts at most {@link dev.lawang.capacity.CapacityPolicy#MAX_STAY}; on a ledger that cannot choose
 *       a stay's end (the SPI's default {@code admitUntil}), it ends when its placeholders' default stay does, if
 *       that comes first ({@link #expires}).
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class Lease {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SiteId site;
    private final AgencyId agency;
    private final ZoneId zone;
    private final Instant taken;
    private final Instant expires;
    private final List<TicketId> placeholders;

    private Lease(SiteId site, AgencyId agency, ZoneId zone, Instant taken, Instant expires,
            List<TicketId> placeholders) {
        this.site = site;
        this.agency = agency;
        this.zone = zone;
        this.taken = taken;
        this.expires = expires;
        this.placeholders = List.copyOf(placeholders);
    }

    /**
     * Takes up to {@code places} places at a site for an agency from the central ledger, as many as its limits and
     * quotas still allow.
     *
     * @param ledger the central ledger
     * @param visitLog the central visit log, where the placeholders' visits go unless the ledger keeps its own
     *     ({@link OccupancyLedger#visitLog()})
     * @param request the site, its zone and the agency; its ticket, visitor and role are not used
     * @param places how many places to take, at least 1
     * @param now the central clock's instant
     * @param expires when the lease ends, after {@code now}: its placeholders are due then; the lease ends earlier if
     *     the ledger gave them an earlier end
     * @return the lease, with between 0 and {@code places} places
     * @throws IllegalArgumentException if {@code places} is less than 1 or {@code expires} is not after {@code now}
     */
    public static Lease take(OccupancyLedger ledger, VisitLog visitLog, AdmitRequest request, int places,
            Instant now, Instant expires) {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(visitLog, "visitLog");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(expires, "expires");
        if (places < 1) {
            throw new IllegalArgumentException("places must be at least 1: " + places);
        }
        if (!expires.isAfter(now)) {
            throw new IllegalArgumentException("expires must be after now: " + expires + " is not after " + now);
        }
        boolean ledgerKeepsVisits = ledger.visitLog().isPresent();
        List<TicketId> taken = new ArrayList<>();
        Instant end = expires;
        for (int i = 0; i < places; i++) {
            TicketId ticket = TicketId.random();
            VisitorRef nobody = VisitorRef.parse(HexFormat.of().formatHex(randomBytes()));
            Admission admission = ledger.admitUntil(new AdmitRequest(ticket, nobody, request.site(), request.zone(),
                    request.agency(), Role.GUEST, EntryChannel.LEASED), expires);
            if (!(admission instanceof Admission.Admitted admitted)) {
                break;
            }
            if (!ledgerKeepsVisits) {
                visitLog.append(Visit.open(admitted.ticket(), nobody));
            }
            taken.add(ticket);
            if (admitted.ticket().due().isBefore(end)) {
                end = admitted.ticket().due();
            }
        }
        return new Lease(request.site(), request.agency(), request.zone(), now, end, taken);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /**
     * Gives the lease back: releases its placeholder stays in the central ledger as places never used
     * ({@link OccupancyLedger#releaseUnused}) and closes their visits. Their places present come back, and with the
     * in-memory ledger and {@code JdbcLedger} their places in today's quota too (a ledger on the SPI's default
     * keeps them spent). Giving back twice, or after the central gate expired the placeholders, releases nothing
     * more.
     *
     * @param ledger the central ledger the lease was taken from
     * @param visitLog the central visit log given to {@link #take}
     * @param now the central clock's instant
     * @return how many placeholder stays were released
     */
    public int giveBack(OccupancyLedger ledger, VisitLog visitLog, Instant now) {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(visitLog, "visitLog");
        Objects.requireNonNull(now, "now");
        boolean ledgerKeepsVisits = ledger.visitLog().isPresent();
        int released = 0;
        for (TicketId ticket : placeholders) {
            if (ledger.releaseUnused(ticket, zone).isPresent()) {
                released++;
                if (!ledgerKeepsVisits) {
                    visitLog.close(ticket, now);
                }
            }
        }
        return released;
    }

    /**
     * Returns the site.
     *
     * @return the site whose places are leased
     */
    public SiteId site() {
        return site;
    }

    /**
     * Returns the agency.
     *
     * @return the agency at the site whose places are leased
     */
    public AgencyId agency() {
        return agency;
    }

    /**
     * Returns when the lease was taken.
     *
     * @return the central clock's instant at {@link #take}
     */
    public Instant taken() {
        return taken;
    }

    /**
     * Returns when the lease ends: a kiosk decides nothing under it from then on.
     *
     * @return the expiry
     */
    public Instant expires() {
        return expires;
    }

    /**
     * Returns how many places the lease holds: as many admissions, and as many people present at once.
     *
     * @return the number of places, 0 if the ledger had none left
     */
    public int places() {
        return placeholders.size();
    }

    /**
     * Returns the placeholder stays' ticket ids, under which the central ledger counts the leased places.
     *
     * @return the ticket ids, one per place
     */
    public List<TicketId> placeholders() {
        return placeholders;
    }

    @Override
    public String toString() {
        return "Lease[site=" + site + ", agency=" + agency + ", places=" + places() + ", expires=" + expires + "]";
    }
}
