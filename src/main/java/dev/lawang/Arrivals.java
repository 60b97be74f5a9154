package dev.lawang;

import dev.lawang.booking.BookingDesk;
import dev.lawang.booking.BookingId;
import dev.lawang.booking.Door;
import dev.lawang.booking.Outcome;
import dev.lawang.booking.ServiceId;
import dev.lawang.directory.SiteId;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Booked arrivals and walk-ins through the gate: the gate as the booking desk's door. */
final class Arrivals {
    /** The gate's check-in restricted to one site. */
    interface AtSite {
        /** The decision, or null when the verified code is of another site, which records nothing. */
        @Nullable Decision decide(CheckIn request, SiteId site);
    }

    private Arrivals() {
    }

    static Outcome arrive(BookingDesk desk, BookingId booking, CheckIn request, AtSite gate) {
        Objects.requireNonNull(desk, "desk");
        Objects.requireNonNull(request, "request");
        return desk.arrive(booking, request.visitor(), request.agency(),
                site -> entry(gate.decide(request, site)));
    }

    static Outcome arrive(BookingDesk desk, BookingId booking, WalkIn request, Function<WalkIn, Decision> gate) {
        Objects.requireNonNull(desk, "desk");
        Objects.requireNonNull(request, "request");
        return desk.arrive(booking, request.visitor(), request.agency(), site -> site.equals(request.site())
                ? entry(gate.apply(request))
                : Door.Entry.refused(Outcome.Reason.OTHER_SITE, "The desk registers at site " + request.site()
                        + "; the service is at site " + site + "."));
    }

    static Outcome walkIn(BookingDesk desk, ServiceId service, WalkIn request,
            Function<WalkIn, Decision> gate) {
        Objects.requireNonNull(desk, "desk");
        Objects.requireNonNull(request, "request");
        return desk.walkIn(service, request.visitor(), request.agency(), request.site(),
                site -> entry(gate.apply(request)));
    }

    /** The door's answer to a decision; null is a code of another site than the service's. */
    static Door.Entry entry(@Nullable Decision decision) {
        if (decision == null) {
            return Door.Entry.refused(Outcome.Reason.OTHER_SITE, "The code is of another site.");
        }
        if (decision instanceof Decision.Admitted admitted) {
            return Door.Entry.admitted(admitted.ticket().id());
        }
        return Door.Entry.refused(Outcome.Reason.GATE_REFUSED, ((Decision.Refused) decision).detail());
    }
}
