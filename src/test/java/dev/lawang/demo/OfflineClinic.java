package dev.lawang.demo;

import dev.lawang.CheckIn;
import dev.lawang.Decision;
import dev.lawang.Gate;
import dev.lawang.capacity.AdmitRequest;
import dev.lawang.capacity.Occupancy;
import dev.lawang.capacity.OccupancyLedger;
import dev.lawang.code.Verifier;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.directory.SiteId;
import dev.lawang.geo.Fix;
import dev.lawang.kiosk.Journal;
import dev.lawang.kiosk.Kiosk;
import dev.lawang.kiosk.Lease;
import dev.lawang.kiosk.OfflineAnswer;
import dev.lawang.kiosk.Reconciliation;
import dev.lawang.kiosk.Sync;
import dev.lawang.testing.Sragen;
import dev.lawang.visit.Role;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.VisitLog;
import dev.lawang.visit.VisitorRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;

/**
 * The demo's puskesmas that loses its link: before the link drops its kiosk takes a lease of places from the
 * central ledger, decides check-ins offline against it for two hours, journaling each decision, and syncs when the
 * link is back; one of its patients was also admitted at the hospital meanwhile, which the reconciliation flags.
 */
final class OfflineClinic {
    static final SiteId CLINIC = SiteId.of("puskesmas-karangmalang");
    static final AgencyId CLINIC_AGENCY = AgencyId.of("puskesmas-karangmalang");
    static final SiteId HOSPITAL = SiteId.of("rsud-sragen");
    static final AgencyId HOSPITAL_AGENCY = AgencyId.of("rsud");
    /** The clinic's guests a day, and the most present at once. */
    static final int QUOTA = 40;
    static final int MAX_PRESENT = 30;
    /** The places its kiosk leases before the link drops. */
    static final int LEASED = 15;
    static final String DEVICE = "kiosk-karangmalang-1";
    /** The places the spare tablet leases, which it never uses: they come back when its lease runs out. */
    static final int SPARE = 5;
    /** The patients who come while the link is down: more than the lease, so that the kiosk refuses some. */
    static final int OFFLINE_PATIENTS = 18;

    private final Directory directory;
    private final Gate gate;
    private final OccupancyLedger ledger;
    private final VisitLog visitLog;
    private final Clock clock;
    private final Verifier verifier;
    private final Path journalFile;
    private final BiConsumer<Instant, String> say;
    private final Instant offlineFrom;
    private final Instant offlineUntil;
    private Journal journal;
    private Kiosk kiosk;
    private Lease lease;
    private Lease spareLease;
    private int spareReturned;
    private long spareQuotaReturned;
    private int presentAtKiosk;
    private Reconciliation report;

    OfflineClinic(Directory directory, Gate gate, OccupancyLedger ledger, VisitLog visitLog, Clock clock,
            Verifier verifier, Path dir, Instant offlineFrom, Instant offlineUntil, BiConsumer<Instant, String> say) {
        this.directory = directory;
        this.gate = gate;
        this.ledger = ledger;
        this.visitLog = visitLog;
        this.clock = clock;
        this.verifier = verifier;
        this.journalFile = dir.resolve("kiosk-karangmalang.journal");
        this.offlineFrom = offlineFrom;
        this.offlineUntil = offlineUntil;
        this.say = say;
    }

    Instant offlineFrom() {
        return offlineFrom;
    }

    Instant offlineUntil() {
        return offlineUntil;
    }

    /** Whether the kiosk decides now instead of the central gate. */
    boolean offline() {
        Instant now = clock.instant();
        return !now.isBefore(offlineFrom) && now.isBefore(offlineUntil);
    }

    /** People present at the clinic as the central ledger counts them: a held lease's places count as present. */
    int presentCentrally() {
        return gate.occupancy(CLINIC).present();
    }

    /** People really at the clinic: the kiosk's own count while offline, the central count less a held lease's. */
    int presentAtTheDoor() {
        if (offline()) {
            return presentAtKiosk;
        }
        boolean spareHeld = spareLease != null && clock.instant().isBefore(spareLease.expires());
        return presentCentrally() - (kiosk != null ? lease.places() : 0) - (spareHeld ? spareLease.places() : 0);
    }

    Reconciliation report() {
        return report;
    }

    /** The places present, and of today's quota, that came back when the spare tablet's unused lease ran out. */
    int spareReturned() {
        return spareReturned;
    }

    long spareQuotaReturned() {
        return spareQuotaReturned;
    }

    /**
     * Schedules the clinic's day: morning patients through the central gate, the lease, the offline window with its
     * patients, one of whom is at the hospital already, the sync, and the afternoon.
     *
     * @param at adds an action at an instant to the day
     * @param visitor a fresh visitor's pseudonym
     * @param code the clinic's signed code text
     * @param hospitalCode the hospital's
     */
    void schedule(BiConsumer<Instant, Runnable> at, IntFunction<VisitorRef> visitor, String code,
            String hospitalCode) {
        at.accept(offlineFrom.minus(Duration.ofMinutes(10)), () -> takeLease(visitor.apply(0)));
        at.accept(offlineUntil, this::sync);
        at.accept(offlineFrom.minus(Duration.ofMinutes(9)), () -> takeSpareLease(visitor.apply(0)));
        at.accept(offlineUntil.plus(Duration.ofMinutes(60)), this::spareLeaseRunsOut);
        // One patient checks in at the hospital, then at the clinic while its link is down: the same visitor twice.
        VisitorRef both = visitor.apply(1);
        at.accept(offlineFrom.minus(Duration.ofMinutes(25)), () -> gate.checkIn(checkIn(hospitalCode, both,
                HOSPITAL_AGENCY, HOSPITAL)));
        List<Instant> arrivals = new ArrayList<>();
        for (int p = 0; p < 10; p++) {             // the morning, through the central gate
            arrivals.add(offlineFrom.minus(Duration.ofMinutes(150 - 12L * p)));
        }
        for (int p = 0; p < OFFLINE_PATIENTS; p++) { // the two hours offline, through the kiosk
            arrivals.add(offlineFrom.plus(Duration.ofMinutes(3 + 6L * p)));
        }
        for (int p = 0; p < 6; p++) {              // the afternoon, through the central gate again
            arrivals.add(offlineUntil.plus(Duration.ofMinutes(10 + 15L * p)));
        }
        for (int p = 0; p < arrivals.size(); p++) {
            VisitorRef patient = p == 14 ? both : visitor.apply(2 + p);
            Instant arrives = arrivals.get(p);
            // The patient who was at the hospital too stays past the sync and checks out at the central gate.
            Instant leaves = p == 14 ? offlineUntil.plus(Duration.ofMinutes(20))
                    : arrives.plus(Duration.ofMinutes(20 + (p * 7) % 16));
            TicketId[] ticket = new TicketId[1];
            boolean tell = p == 10;
            at.accept(arrives, () -> ticket[0] = arrive(code, patient, tell));
            at.accept(leaves, () -> {
                if (ticket[0] != null) {
                    leave(ticket[0]);
                }
            });
        }
    }

    private CheckIn checkIn(String code, VisitorRef visitor, AgencyId agency, SiteId site) {
        return new CheckIn(code, visitor, agency, Role.GUEST, Fix.of(Sragen.inside(site), 8).at(clock.instant()),
                null);
    }

    private void takeLease(VisitorRef anyone) {
        Instant now = clock.instant();
        lease = Lease.take(ledger, visitLog, new AdmitRequest(TicketId.random(), anyone, CLINIC, Sragen.WIB,
                CLINIC_AGENCY, Role.GUEST), LEASED, now,
                offlineUntil.plus(Duration.ofHours(2)));
        try {
            Files.deleteIfExists(journalFile);
            journal = Journal.open(journalFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        presentAtKiosk = 0;
        // The demo's clock jumps from step to step; a real kiosk keeps the default tolerance of 2 seconds.
        kiosk = Kiosk.builder().directory(directory).policy(gate.policy()).journal(journal).leases(lease)
                .verifier(verifier).clock(clock).trustedAsOf(now).clockTolerance(Duration.ofDays(1)).build();
        say.accept(now, String.format("Puskesmas Karangmalang's kiosk leases %d places before its link drops: the"
                + " central ledger counts them as taken", lease.places()));
    }

    /** The spare tablet at the side door leases a few places too, until an hour after the link is back. */
    private void takeSpareLease(VisitorRef anyone) {
        Instant now = clock.instant();
        spareLease = Lease.take(ledger, visitLog, new AdmitRequest(TicketId.random(), anyone, CLINIC,
                Sragen.WIB, CLINIC_AGENCY, Role.GUEST), SPARE, now, offlineUntil.plus(Duration.ofMinutes(60)));
        say.accept(now, String.format("the spare tablet at its side door leases %d places until 14:00; it will not"
                + " be used, and is never synced", spareLease.places()));
    }

    /** Its lease ends: the central gate's sweep closes the unused places, and their quota comes back. */
    private void spareLeaseRunsOut() {
        Instant now = clock.instant();
        Occupancy before = gate.occupancy(CLINIC);
        gate.expireStays();
        Occupancy after = gate.occupancy(CLINIC);
        spareReturned = before.present() - after.present();
        spareQuotaReturned = before.admittedToday() - after.admittedToday();
        say.accept(now, String.format("the spare tablet's lease runs out unused: %d places present and %d of"
                + " today's quota back to the central ledger (%d of %d admitted today)", spareReturned,
                spareQuotaReturned, after.admittedToday(), QUOTA));
    }

    private TicketId arrive(String code, VisitorRef patient, boolean tell) {
        Instant now = clock.instant();
        if (!offline()) {
            Decision d = gate.checkIn(checkIn(code, patient, CLINIC_AGENCY, CLINIC));
            return d instanceof Decision.Admitted a ? a.ticket().id() : null;
        }
        OfflineAnswer answer;
        try {
            answer = kiosk.checkIn(checkIn(code, patient, CLINIC_AGENCY, CLINIC));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Decision d = ((OfflineAnswer.Decided) answer).decision();
        if (d instanceof Decision.Admitted a) {
            presentAtKiosk++;
            if (tell) {
                say.accept(now, String.format("%-62s -> admitted OFFLINE, on disk before the answer", "a patient at"
                        + " Puskesmas Karangmalang, link down"));
            }
            return a.ticket().id();
        }
        Decision.Refused r = (Decision.Refused) d;
        say.accept(now, String.format("%-62s -> REFUSED OFFLINE %s: the lease's %d places are used", "a patient at"
                + " Puskesmas Karangmalang", r.reason(), lease.places()));
        return null;
    }

    private void leave(TicketId ticket) {
        if (!offline()) {
            gate.checkOut(ticket);
            return;
        }
        try {
            if (kiosk.checkOut(ticket).isPresent()) {
                presentAtKiosk--;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void sync() {
        Instant now = clock.instant();
        List<Journal.Entry> entries;
        try {
            journal.close();
            try (Journal reopened = Journal.open(journalFile)) {
                entries = new ArrayList<>(reopened.recovered());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Sync sync = Sync.of(ledger, visitLog, directory, verifier.trustList(), clock);
        report = sync.upload(DEVICE, entries, List.of(lease), true);
        Reconciliation again = sync.upload(DEVICE, entries, List.of(lease), false);
        kiosk = null;
        say.accept(now, String.format("the link is back: the kiosk uploads %d journaled decisions; %d admitted"
                + " offline, %d place(s) back to the central ledger, %d conflict(s) flagged: %s", entries.size(),
                report.admittedOffline(), report.returned(), report.conflicts().size(), report.conflicts().stream()
                        .map(c -> c.kind().toString()).toList()));
        say.accept(now, String.format("the same upload again (a lost acknowledgement): %d applied, %d already"
                + " applied", again.applied(), again.alreadyApplied()));
    }
}
