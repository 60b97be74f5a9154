package dev.lawang.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.Role;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VisitTest {
    static final SiteId SETDA = SiteId.of("setda-complex");
    static final SiteId DUKCAPIL = SiteId.of("dispendukcapil");
    static final AgencyId DISKOMINFO = AgencyId.of("diskominfo");
    static final Instant NINE = Instant.parse("2021-12-15T02:00:00Z");

    static VisitorRef visitor(int n) {
        return VisitorRef.pseudonymise(Integer.toString(3314_0000 + n), VisitorRefTest.SECRET);
    }

    static Visit visit(int ticket, int visitor, SiteId site, int inMinute) {
        return Visit.open(TicketId.of(0, ticket), visitor(visitor), site, DISKOMINFO, Role.GUEST,
                EntryChannel.PRINTED_CODE, NINE.plusSeconds(60L * inMinute));
    }

    static Visit visit(int ticket, int visitor, SiteId site, int inMinute, int outMinute) {
        return visit(ticket, visitor, site, inMinute).withOut(NINE.plusSeconds(60L * outMinute));
    }

    @Test
    void open_hasNoOutAndWithOutClosesIt() {
        Visit open = visit(1, 1, SETDA, 0);
        assertThat(open.isOpen()).isTrue();
        assertThat(open.out()).isEmpty();
        Visit closed = open.withOut(NINE.plusSeconds(600));
        assertThat(closed.isOpen()).isFalse();
        assertThat(closed.out()).contains(NINE.plusSeconds(600));
        assertThat(closed.ticket()).isEqualTo(open.ticket());
        assertThat(closed).isNotEqualTo(open);
    }

    @Test
    void withOut_acceptsAZeroLengthVisitButNotAnEndBeforeTheStart() {
        assertThat(visit(1, 1, SETDA, 0).withOut(NINE).out()).contains(NINE);
        assertThatThrownBy(() -> visit(1, 1, SETDA, 0).withOut(NINE.minusMillis(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before it began");
    }

    @Test
    void withOut_rejectsClosingTwice() {
        Visit closed = visit(1, 1, SETDA, 0, 10);
        assertThatThrownBy(() -> closed.withOut(NINE.plusSeconds(900)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already closed");
    }

    @Test
    void toString_leavesTheVisitorOut() {
        Visit v = visit(1, 1, SETDA, 0, 10);
        assertThat(v.toString())
                .isEqualTo("Visit[00000000000000000000000000000001 GUEST at setda-complex/diskominfo via PRINTED_CODE"
                        + " 2021-12-15T02:00:00Z to 2021-12-15T02:10:00Z]")
                .doesNotContain(v.visitor().toText());
    }

    @Test
    void channel_isKeptWhenClosedAndTellsVisitsApart() {
        Visit walkIn = Visit.open(TicketId.of(0, 1), visitor(1), SETDA, DISKOMINFO, Role.GUEST, EntryChannel.WALK_IN,
                NINE);
        Visit printed = visit(1, 1, SETDA, 0);
        assertThat(walkIn.channel()).isEqualTo(EntryChannel.WALK_IN);
        assertThat(walkIn.withOut(NINE.plusSeconds(60)).channel()).isEqualTo(EntryChannel.WALK_IN);
        assertThat(walkIn).isNotEqualTo(printed);
        assertThat(walkIn.toString()).contains(" via WALK_IN ");
        assertThatThrownBy(() -> Visit.open(TicketId.of(0, 1), visitor(1), SETDA, DISKOMINFO, Role.GUEST, null, NINE))
                .isInstanceOf(NullPointerException.class).hasMessage("channel");
        Ticket ticket = new Ticket(TicketId.of(0, 2), SETDA, DISKOMINFO, Role.STAFF,
                EntryChannel.REGISTERED_FOREIGN_CODE, NINE, NINE.plusSeconds(3_600));
        Visit fromTicket = Visit.open(ticket, visitor(2));
        assertThat(fromTicket.channel()).isEqualTo(EntryChannel.REGISTERED_FOREIGN_CODE);
        assertThat(fromTicket.role()).isEqualTo(Role.STAFF);
        assertThat(fromTicket.in()).isEqualTo(NINE);
        assertThatThrownBy(() -> new Ticket(TicketId.of(0, 2), SETDA, DISKOMINFO, Role.STAFF, null, NINE, NINE))
                .isInstanceOf(NullPointerException.class).hasMessage("channel");
    }

    @Test
    void entryChannel_signedOnlyForTheLibrarysOwnCodes() {
        assertThat(EntryChannel.PRINTED_CODE.signed()).isTrue();
        assertThat(EntryChannel.ROTATING_CODE.signed()).isTrue();
        assertThat(EntryChannel.REGISTERED_FOREIGN_CODE.signed()).isFalse();
        assertThat(EntryChannel.WALK_IN.signed()).isFalse();
    }

    /** The reference visit is 09:10 to 09:20 at the Setda complex; margins and times in minutes after 09:00. */
    @ParameterizedTest(name = "other {0}..{1} with margin {2} -> {3}")
    @CsvSource({
        "0, 5, 0, false",
        "0, 10, 0, false",
        "0, 11, 0, true",
        "12, 15, 0, true",
        "19, 30, 0, true",
        "20, 30, 0, false",
        "0, 10, 1, true",
        "0, 9, 1, false",
        "21, 30, 1, false",
        "20, 30, 1, true",
        "5, 40, 0, true",
        "0, -1, 0, true",
        "25, -1, 0, false",
        "25, -1, 5, false",
        "24, -1, 5, true"})
    void overlaps_followsHalfOpenIntervalsWidenedByTheMargin(int in, int out, int margin, boolean expected) {
        Visit reference = visit(1, 1, SETDA, 10, 20);
        Visit other = out < 0 ? visit(2, 2, SETDA, in) : visit(2, 2, SETDA, in, out);
        assertThat(reference.overlaps(other, Duration.ofMinutes(margin))).isEqualTo(expected);
    }

    @Test
    void overlaps_treatsAnOpenReferenceVisitAsOngoing() {
        Visit reference = visit(1, 1, SETDA, 10);
        assertThat(reference.overlaps(visit(2, 2, SETDA, 500, 510), Duration.ZERO)).isTrue();
        assertThat(reference.overlaps(visit(2, 2, SETDA, 0, 10), Duration.ZERO)).isFalse();
    }

    @Test
    void overlaps_ignoresOtherSitesTheSameVisitorAndItself() {
        Visit reference = visit(1, 1, SETDA, 10, 20);
        assertThat(reference.overlaps(visit(2, 2, DUKCAPIL, 10, 20), Duration.ZERO)).isFalse();
        assertThat(reference.overlaps(visit(2, 1, SETDA, 10, 20), Duration.ZERO)).isFalse();
        assertThat(reference.overlaps(reference, Duration.ZERO)).isFalse();
    }

    @Test
    void overlaps_rejectsANegativeMargin() {
        Visit reference = visit(1, 1, SETDA, 10, 20);
        assertThatThrownBy(() -> reference.overlaps(reference, Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("margin must not be negative: PT-1M");
    }
}
