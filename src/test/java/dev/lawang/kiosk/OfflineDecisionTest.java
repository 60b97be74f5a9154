package dev.lawang.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.RefusalReason;
import dev.lawang.code.CodeId;
import dev.lawang.visit.EntryChannel;
import dev.lawang.visit.Role;
import dev.lawang.visit.TicketId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OfflineDecisionTest {
    private static final Instant AT = Instant.parse("2026-12-02T03:00:00Z");

    @Test
    void new_refusesATicketAndARefusalTogether_orNeither() {
        assertThatThrownBy(() -> new OfflineDecision(OfflineDecision.Kind.WALK_IN, AT, Decisions.SITE,
                Decisions.AGENCY, Decisions.visitor(1), Role.GUEST, TicketId.of(1, 1), RefusalReason.SITE_FULL,
                false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both");
        assertThatThrownBy(() -> new OfflineDecision(OfflineDecision.Kind.WALK_IN, AT, Decisions.SITE,
                Decisions.AGENCY, Decisions.visitor(1), Role.GUEST, null, null, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neither");
    }

    @Test
    void refused_refusesACheckOut() {
        assertThatThrownBy(() -> OfflineDecision.refused(OfflineDecision.Kind.CHECK_OUT, AT, Decisions.SITE,
                Decisions.AGENCY, Decisions.visitor(1), Role.GUEST, RefusalReason.SITE_FULL, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SITE_FULL");
    }

    @Test
    void of_andRefused_sayWhetherTheVisitorWasRefused() {
        assertThat(Decisions.admitted(1).isRefused()).isFalse();
        OfflineDecision refused = OfflineDecision.refused(OfflineDecision.Kind.CHECK_IN, AT, Decisions.SITE,
                Decisions.AGENCY, Decisions.visitor(1), Role.GUEST, RefusalReason.DAILY_QUOTA_REACHED, true);
        assertThat(refused.isRefused()).isTrue();
        assertThat(refused.ticket()).isNull();
        assertThat(refused.clockJumped()).isTrue();
    }

    @Test
    void anAdmittedCheckIn_namesItsCode_andOnlyACheckInNamesOne() {
        OfflineDecision.Code code = new OfflineDecision.Code(CodeId.random(), AT.minusSeconds(60),
                EntryChannel.ROTATING_CODE);
        assertThatThrownBy(() -> OfflineDecision.of(OfflineDecision.Kind.CHECK_IN, AT, Decisions.SITE,
                Decisions.AGENCY, Decisions.visitor(1), Role.GUEST, TicketId.of(1, 1), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names the code");
        assertThatThrownBy(() -> new OfflineDecision(OfflineDecision.Kind.WALK_IN, AT, Decisions.SITE,
                Decisions.AGENCY, Decisions.visitor(1), Role.GUEST, TicketId.of(1, 1), null, false, code))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WALK_IN");
        OfflineDecision admitted = OfflineDecision.checkIn(AT, Decisions.SITE, Decisions.AGENCY,
                Decisions.visitor(1), Role.GUEST, TicketId.of(1, 1), code, false);
        assertThat(admitted.code()).isEqualTo(code);
        assertThat(admitted.channel()).isEqualTo(EntryChannel.ROTATING_CODE);
        assertThat(Decisions.admitted(1).channel()).isEqualTo(EntryChannel.WALK_IN);
        assertThat(OfflineDecision.refused(OfflineDecision.Kind.CHECK_IN, AT, Decisions.SITE, Decisions.AGENCY,
                Decisions.visitor(1), Role.GUEST, RefusalReason.EXPIRED, false).channel())
                .as("a code that did not verify gives no way in").isNull();
    }

    @Test
    void code_refusesAWalkInsWayIn_aLeasedPlace_aFractionOfASecond_andNulls() {
        CodeId id = CodeId.random();
        assertThatThrownBy(() -> new OfflineDecision.Code(id, AT, EntryChannel.WALK_IN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OfflineDecision.Code(id, AT, EntryChannel.LEASED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leased");
        assertThatThrownBy(() -> new OfflineDecision.Code(id, AT.plusMillis(1), EntryChannel.PRINTED_CODE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole seconds");
        assertThatThrownBy(() -> new OfflineDecision.Code(null, AT, EntryChannel.PRINTED_CODE))
                .isInstanceOf(NullPointerException.class).hasMessage("id");
        assertThatThrownBy(() -> new OfflineDecision.Code(id, null, EntryChannel.PRINTED_CODE))
                .isInstanceOf(NullPointerException.class).hasMessage("issuedAt");
        assertThatThrownBy(() -> new OfflineDecision.Code(id, AT, null))
                .isInstanceOf(NullPointerException.class).hasMessage("channel");
        assertThatThrownBy(() -> OfflineDecision.Code.of(null, EntryChannel.PRINTED_CODE))
                .isInstanceOf(NullPointerException.class).hasMessage("code");
    }

    @Test
    void new_refusesNulls() {
        assertThatThrownBy(() -> OfflineDecision.of(OfflineDecision.Kind.WALK_IN, AT, Decisions.SITE,
                Decisions.AGENCY, Decisions.visitor(1), Role.GUEST, null, false))
                .isInstanceOf(NullPointerException.class).hasMessage("ticket");
        assertThatThrownBy(() -> OfflineDecision.of(OfflineDecision.Kind.WALK_IN, null, Decisions.SITE,
                Decisions.AGENCY, Decisions.visitor(1), Role.GUEST, TicketId.of(1, 1), false))
                .isInstanceOf(NullPointerException.class).hasMessage("at");
    }
}
