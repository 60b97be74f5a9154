package dev.lawang.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.EntryChannel;
import dev.lawang.visit.Role;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.VisitorRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The open-addressing tables of the in-memory ledger, tested directly: probing, growth, and deletion by backward
 * shift, also across the end of the table. {@link Placed} puts each lease in a slot the test chooses, so the layouts
 * below are worked out by hand; the index's own lookups ({@code replace} of a lease by itself, {@code get}) then show
 * which leases a probe still finds.
 */
class LeaseIndexTest {
    private static final SiteState SITE = new SiteState(SiteId.of("setda-complex"));
    private static final AgencyState AGENCY = new AgencyState(AgencyId.of("dispendukcapil"), SITE);
    private static final VisitorRef VISITOR = VisitorRef.parse("0123456789abcdef0123456789abcdef");

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /**
     * An index whose hash of a lease is the high half of its ticket id, so that a test picks the segment (the top 8
     * bits, 0 here) and the home slot (the low bits); the low half tells leases with one hash apart.
     */
    private static final class Placed extends LeaseIndex {
        private long serial;

        Lease lease(int hash) {
            return new Lease(TicketId.of(hash, serial++), VISITOR, SITE, AGENCY, Role.GUEST,
                    EntryChannel.PRINTED_CODE, 0, 0);
        }

        Lease put(int hash) {
            Lease lease = lease(hash);
            assertThat(putIfAbsent(lease)).isTrue();
            return lease;
        }

        @Override
        int hashOf(Lease lease) {
            return (int) lease.idHigh;
        }

        @Override
        boolean sameKey(Lease a, Lease b) {
            return a.hasId(b.idHigh, b.idLow);
        }

        Lease[] table() {
            return segment(0).slots;
        }

        /** Whether a probe from the lease's home finds it: replacing a lease by itself changes nothing. */
        boolean finds(Lease lease) {
            return replace(lease, lease);
        }
    }

    private static Lease lease(TicketId id, VisitorRef visitor) {
        return new Lease(id, visitor, SITE, AGENCY, Role.GUEST, EntryChannel.PRINTED_CODE, 0, 0);
    }

    private static List<Lease> contents(LeaseIndex index) {
        List<Lease> all = new ArrayList<>();
        index.forEach(all::add);
        return all;
    }

    /** The invariant of linear probing: no empty slot between a lease's home and the slot it sits in. */
    private static void assertEveryLeaseReachableFromItsHome(LeaseIndex index, Lease[] slots) {
        int mask = slots.length - 1;
        for (int j = 0; j < slots.length; j++) {
            Lease e = slots[j];
            if (e != null) {
                for (int k = index.hashOf(e) & mask; k != j; k = (k + 1) & mask) {
                    assertThat(slots[k]).as("slot %d on the way from home %d to slot %d", k, index.hashOf(e) & mask, j)
                            .isNotNull();
                }
            }
        }
    }

    @Test
    void putIfAbsent_refusesASecondLeaseWithTheSameKeyAndProbesPastCollisions() {
        Placed index = new Placed();
        Lease a = index.put(5);
        Lease b = index.put(5);
        Lease c = index.put(5);

        assertThat(index.putIfAbsent(new Lease(TicketId.of(5, b.idLow), VISITOR, SITE, AGENCY, Role.STAFF,
                EntryChannel.PRINTED_CODE, 1, 2)))
                .as("same ticket id as b").isFalse();

        assertThat(index.table()[5]).isSameAs(a);
        assertThat(index.table()[6]).isSameAs(b);
        assertThat(index.table()[7]).isSameAs(c);
        assertThat(index.size()).isEqualTo(3);
        assertThat(contents(index)).containsExactly(a, b, c);
    }

    @Test
    void putIfAbsent_wrapsAroundTheEndOfTheTable() {
        Placed index = new Placed();
        Lease a = index.put(14);
        Lease b = index.put(15);
        Lease c = index.put(15);
        Lease d = index.put(14);

        assertThat(index.table()).startsWith(c, d);
        assertThat(index.table()[14]).isSameAs(a);
        assertThat(index.table()[15]).isSameAs(b);
        assertThat(List.of(a, b, c, d)).allMatch(index::finds);
    }

    @Test
    void replaceAndRemove_actOnTheVeryLeaseGivenOnly() {
        Placed index = new Placed();
        Lease a = index.put(3);
        Lease b = index.put(3);
        Lease twinOfB = new Lease(TicketId.of(3, b.idLow), VISITOR, SITE, AGENCY, Role.GUEST,
                EntryChannel.PRINTED_CODE, 0, 0);
        Lease absent = index.lease(3);

        assertThat(index.remove(twinOfB)).as("equal key, another lease").isFalse();
        assertThat(index.replace(absent, a)).isFalse();
        assertThat(index.replace(b, twinOfB)).isTrue();
        assertThat(index.table()[4]).isSameAs(twinOfB);
        assertThat(index.remove(b)).as("replaced, so gone").isFalse();
        assertThat(index.remove(a)).isTrue();
        assertThat(index.remove(a)).isFalse();

        assertThat(index.size()).isEqualTo(1);
        assertThat(contents(index)).containsExactly(twinOfB);
        assertThat(index.finds(twinOfB)).isTrue();
    }

    @Test
    void remove_shiftsBackTheLeasesItsHoleWouldCutOffAndLeavesTheOthers() {
        Placed index = new Placed();
        Lease a = index.put(3);
        Lease b = index.put(3);
        Lease c = index.put(4);
        Lease d = index.put(6);
        // slots 3..6: a(home 3) b(home 3) c(home 4) d(home 6)

        assertThat(index.remove(a)).isTrue();

        // b moves to its home; c moves into the hole b left, which is its home; d already sits at its home
        Lease[] slots = index.table();
        assertThat(slots[3]).isSameAs(b);
        assertThat(slots[4]).isSameAs(c);
        assertThat(slots[5]).isNull();
        assertThat(slots[6]).isSameAs(d);
        assertThat(List.of(b, c, d)).allMatch(index::finds);
        assertThat(index.finds(a)).isFalse();
        assertThat(index.size()).isEqualTo(3);
        assertEveryLeaseReachableFromItsHome(index, slots);
    }

    @Test
    void remove_acrossTheEndOfTheTable_shiftsLeasesBackOverIt() {
        Placed index = new Placed();
        Lease a = index.put(14);
        Lease b = index.put(14);
        Lease c = index.put(15);
        Lease d = index.put(15);
        Lease e = index.put(0);
        // slots 14, 15, 0, 1, 2: a(14) b(14) c(15) d(15) e(0)

        assertThat(index.remove(b)).isTrue();

        // each of c, d, e sits after the hole and its home is not between the hole and its slot: all move back one
        Lease[] slots = index.table();
        assertThat(slots[14]).isSameAs(a);
        assertThat(slots[15]).isSameAs(c);
        assertThat(slots[0]).isSameAs(d);
        assertThat(slots[1]).isSameAs(e);
        assertThat(slots[2]).isNull();
        assertThat(List.of(a, c, d, e)).allMatch(index::finds);
        assertEveryLeaseReachableFromItsHome(index, slots);
    }

    @Test
    void remove_acrossTheEndOfTheTable_leavesLeasesWhoseHomeIsBetweenTheHoleAndTheirSlot() {
        Placed index = new Placed();
        Lease a = index.put(14);
        Lease b = index.put(15);
        Lease c = index.put(0);
        Lease d = index.put(14);
        // slots 14, 15, 0, 1: a(14) b(15) c(0) d(14)

        assertThat(index.remove(a)).isTrue();

        // b and c sit at their homes and stay; d (home 14, at slot 1) moves into the hole at 14
        Lease[] slots = index.table();
        assertThat(slots[14]).isSameAs(d);
        assertThat(slots[15]).isSameAs(b);
        assertThat(slots[0]).isSameAs(c);
        assertThat(slots[1]).isNull();
        assertThat(List.of(b, c, d)).allMatch(index::finds);
        assertEveryLeaseReachableFromItsHome(index, slots);
    }

    @Test
    void remove_ofTheLastLeaseInARun_leavesTheRunBeforeIt() {
        Placed index = new Placed();
        Lease a = index.put(15);
        Lease b = index.put(15);

        assertThat(index.remove(b)).isTrue();

        assertThat(index.table()[15]).isSameAs(a);
        assertThat(index.table()[0]).isNull();
        assertThat(index.finds(a)).isTrue();
    }

    @Test
    void putIfAbsent_doublesTheTableOnceMoreThanHalfItsSlotsAreTaken() {
        Placed index = new Placed();
        List<Lease> leases = new ArrayList<>();
        // homes 1 and 17 share slot 1 of 16 slots and part at 32; so do 2 and 18, and so on
        for (int hash : new int[] {1, 17, 2, 18, 3, 19, 4, 20}) {
            leases.add(index.put(hash));
        }
        assertThat(index.table()).as("8 of 16 slots taken").hasSize(16);

        leases.add(index.put(33));

        Lease[] slots = index.table();
        assertThat(slots).as("9 of 16 slots taken").hasSize(32);
        assertThat(slots[1]).isSameAs(leases.get(0));
        assertThat(slots[17]).isSameAs(leases.get(1));
        assertThat(slots[2]).isSameAs(leases.get(2));
        assertThat(slots[4]).isSameAs(leases.get(6));
        // re-filed in the order of the old slots: 33 comes last, finds 1, 2, 3 and 4 taken at 32 slots
        assertThat(slots[5]).isSameAs(leases.get(8));
        assertThat(leases).allMatch(index::finds);
        assertThat(index.size()).isEqualTo(9);
        assertEveryLeaseReachableFromItsHome(index, slots);
    }

    @Test
    void putIfAbsent_keepsEveryLeaseFindableThroughManyDoublingsAndRemovals() {
        Placed index = new Placed();
        List<Lease> leases = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // clustered homes: many collisions at every table size
            leases.add(index.put((i * 7) % 40));
        }
        assertThat(index.table()).hasSize(1024);
        for (int i = 0; i < leases.size(); i += 3) {
            assertThat(index.remove(leases.get(i))).isTrue();
        }

        for (int i = 0; i < leases.size(); i++) {
            assertThat(index.finds(leases.get(i))).as("lease %d", i).isEqualTo(i % 3 != 0);
        }
        assertThat(index.size()).isEqualTo(200);
        assertThat(contents(index)).hasSize(200);
        assertEveryLeaseReachableFromItsHome(index, index.table());
    }

    @Test
    void size_andForEach_coverEverySegment() {
        Placed index = new Placed();
        Lease first = index.put(0x00_000003);
        Lease middle = index.put(0x80_000003);
        Lease last = index.put(0xff_000003);

        assertThat(index.size()).isEqualTo(3);
        assertThat(contents(index)).containsExactlyInAnyOrder(first, middle, last);
        assertThat(index.segment(0x80_000003)).isNotSameAs(index.segment(3));
        assertThat(index.remove(middle)).isTrue();
        assertThat(index.size()).isEqualTo(2);
    }

    // The two indexes of the ledger

    @Test
    void byId_findsLeasesWhoseIdsShareOneHashAcrossTheEndOfTheTable() {
        LeaseIndex.ById index = new LeaseIndex.ById();
        // ids (h, k - 31 h) all hash like k, as the hash mixes high * 31 + low; pick a k whose home is slot 15
        long k = 0;
        while ((index.hashOf(lease(TicketId.of(0, k), VISITOR)) & 15) != 15) {
            assertThat(k++).as("the hash spreads ids over the slots").isLessThan(10_000);
        }
        List<Lease> leases = new ArrayList<>();
        for (long h = 0; h < 4; h++) {
            Lease lease = lease(TicketId.of(h, k - 31 * h), VISITOR);
            assertThat(index.putIfAbsent(lease)).isTrue();
            leases.add(lease);
        }
        TicketId absent = TicketId.of(9, k - 31 * 9);

        for (Lease lease : leases) {
            assertThat(index.get(lease.id())).isSameAs(lease);
        }
        assertThat(index.get(absent)).isNull();
        assertThat(index.putIfAbsent(lease(leases.get(2).id(), VisitorRef.parse("ffffffffffffffff0000000000000000"))))
                .isFalse();

        assertThat(index.remove(leases.get(1))).isTrue();
        assertThat(index.get(leases.get(1).id())).isNull();
        assertThat(index.get(leases.get(0).id())).isSameAs(leases.get(0));
        assertThat(index.get(leases.get(2).id())).isSameAs(leases.get(2));
        assertThat(index.get(leases.get(3).id())).isSameAs(leases.get(3));
    }

    @Test
    void byVisitor_findsVisitorsWhoseHashesCollideAndKeepsOneLeasePerVisitor() {
        LeaseIndex.ByVisitor index = new LeaseIndex.ByVisitor();
        // a pseudonym with equal halves hashes to 0, whatever the halves
        List<Lease> leases = new ArrayList<>();
        for (long half = 1; half <= 4; half++) {
            Lease lease = lease(TicketId.random(), VisitorRef.parse(String.format("%016x%016x", half, half)));
            assertThat(index.putIfAbsent(lease)).isTrue();
            leases.add(lease);
        }
        VisitorRef absent = VisitorRef.parse(String.format("%016x%016x", 9, 9));

        for (Lease lease : leases) {
            assertThat(index.get(lease.visitor)).isSameAs(lease);
        }
        assertThat(index.get(absent)).isNull();
        Lease sameVisitor = lease(TicketId.random(), leases.get(2).visitor);
        assertThat(index.putIfAbsent(sameVisitor)).as("one open stay per visitor").isFalse();
        assertThat(index.replace(leases.get(2), sameVisitor)).isTrue();
        assertThat(index.get(leases.get(2).visitor)).isSameAs(sameVisitor);

        assertThat(index.remove(leases.get(0))).isTrue();
        assertThat(index.get(leases.get(0).visitor)).isNull();
        assertThat(index.get(leases.get(3).visitor)).isSameAs(leases.get(3));
        assertThat(index.size()).isEqualTo(3);
    }

    // Lookups that race writes

    /**
     * One thread looks up a lease that stays in the index while another inserts and removes leases of the same
     * segment (growing its table), so that many optimistic reads fail and fall back to the read lock.
     */
    private void lookupsRacingWrites(LeaseIndex index, Lease stays, Supplier<Lease> lookup, Supplier<Lease> sameSegment)
            throws Exception {
        assertThat(index.putIfAbsent(stays)).isTrue();
        List<Lease> others = new ArrayList<>();
        while (others.size() < 40) {
            Lease other = sameSegment.get();
            if (index.segment(index.hashOf(other)) == index.segment(index.hashOf(stays))) {
                others.add(other);
            }
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        Future<Integer> writer = pool.submit(() -> {
            try {
                for (int round = 0; round < 2_000; round++) {
                    for (Lease other : others) {
                        index.putIfAbsent(other);
                    }
                    for (Lease other : others) {
                        index.remove(other);
                    }
                }
                return others.size();
            } finally {
                writing.set(false);
            }
        });
        Future<Long> reader = pool.submit(() -> {
            long misses = 0;
            while (writing.get()) {
                if (lookup.get() != stays) {
                    misses++;
                }
            }
            return misses;
        });

        assertThat(writer.get(60, TimeUnit.SECONDS)).isEqualTo(40);
        assertThat(reader.get(60, TimeUnit.SECONDS)).as("lookups that missed the lease").isZero();
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void byId_get_racingWritesToItsSegment_alwaysFindsALeaseThatStays() throws Exception {
        LeaseIndex.ById index = new LeaseIndex.ById();
        Lease stays = lease(TicketId.random(), VISITOR);
        lookupsRacingWrites(index, stays, () -> index.get(stays.id()), () -> lease(TicketId.random(), VISITOR));
    }

    @Test
    void byVisitor_get_racingWritesToItsSegment_alwaysFindsALeaseThatStays() throws Exception {
        LeaseIndex.ByVisitor index = new LeaseIndex.ByVisitor();
        Lease stays = lease(TicketId.random(), VISITOR);
        lookupsRacingWrites(index, stays, () -> index.get(VISITOR), () -> lease(TicketId.random(),
                VisitorRef.parse(TicketId.random().toString())));
    }
}
