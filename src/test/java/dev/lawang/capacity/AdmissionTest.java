package dev.lawang.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.capacity.Admission.Admitted;
import dev.lawang.capacity.Admission.Reason;
import dev.lawang.capacity.Admission.Refused;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.EntryChannel;
import dev.lawang.visit.Role;
import dev.lawang.visit.Ticket;
import dev.lawang.visit.TicketId;
import dev.lawang.visit.VisitorRef;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AdmissionTest {
    private static final Instant IN = Instant.parse("2021-12-15T02:00:00Z");
    private static final Ticket TICKET = new Ticket(TicketId.of(0, 1), SiteId.of("setda-complex"),
            AgencyId.of("dispendukcapil"), Role.GUEST, EntryChannel.PRINTED_CODE, IN, IN.plusSeconds(3_600));
    private static final VisitorRef VISITOR = VisitorRef.pseudonymise("v1",
            "the admission test's secret, 32 bytes".getBytes(StandardCharsets.US_ASCII));

    @Test
    void reason_sentence_saysWhichLimitRefusedInOnePlainSentence() {
        assertThat(Reason.SITE_FULL.sentence()).isEqualTo("The site has as many people present as its limit allows.");
        assertThat(Reason.AGENCY_FULL.sentence())
                .isEqualTo("The agency has as many people present at the site as its limit allows.");
        assertThat(Reason.DAILY_QUOTA_REACHED.sentence()).isEqualTo("Today's face-to-face quota is used up.");
    }

    @Test
    void admitted_isAdmittedAndARepeatMovesNobody() {
        Departure elsewhere = new Departure(TICKET, VISITOR, IN, Departure.Cause.MOVED);

        assertThat(new Admitted(TICKET, false, elsewhere).isAdmitted()).isTrue();
        assertThat(new Admitted(TICKET, true, null).moved()).isNull();
        assertThatThrownBy(() -> new Admitted(TICKET, true, elsewhere)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Admitted(null, false, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("ticket");
    }

    @Test
    void refused_isNotAdmittedAndRejectsNegativeNumbersNamingThem() {
        assertThat(new Refused(Reason.SITE_FULL, 0, 0).isAdmitted()).isFalse();
        assertThatThrownBy(() -> new Refused(Reason.SITE_FULL, -1, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1, 3");
        assertThatThrownBy(() -> new Refused(Reason.AGENCY_FULL, 3, -2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3, -2");
        assertThatThrownBy(() -> new Refused(null, 1, 1)).isInstanceOf(NullPointerException.class)
                .hasMessage("reason");
    }

    @Test
    void departure_mayEndAsItBeginsButNotBefore() {
        assertThat(new Departure(TICKET, VISITOR, IN, Departure.Cause.RELEASED).end()).isEqualTo(IN);
        assertThatThrownBy(() -> new Departure(TICKET, VISITOR, IN.minusNanos(1), Departure.Cause.EXPIRED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(IN.toString());
        assertThatThrownBy(() -> new Departure(TICKET, VISITOR, IN, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("cause");
        assertThatThrownBy(() -> new Departure(TICKET, null, IN, Departure.Cause.RELEASED))
                .isInstanceOf(NullPointerException.class).hasMessage("visitor");
    }
}
