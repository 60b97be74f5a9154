package dev.lawang.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.RefusalReason;
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
    void new_refusesNulls() {
        assertThatThrownBy(() -> OfflineDecision.of(OfflineDecision.Kind.WALK_IN, AT, Decisions.SITE,
                Decisions.AGENCY, Decisions.visitor(1), Role.GUEST, null, false))
                .isInstanceOf(NullPointerException.class).hasMessage("ticket");
        assertThatThrownBy(() -> OfflineDecision.of(OfflineDecision.Kind.WALK_IN, null, Decisions.SITE,
                Decisions.AGENCY, Decisions.visitor(1), Role.GUEST, TicketId.of(1, 1), false))
                .isInstanceOf(NullPointerException.class).hasMessage("at");
    }
}
