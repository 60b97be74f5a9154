package dev.lawang.booking;

import dev.lawang.booking.Outcome.Reason;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.TicketId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The gate as a booking sees it: lets the visitor in at a site, checking everything the gate checks, or says
 * why not. Implemented by {@code dev.lawang.Gate}.
 */
@FunctionalInterface
public interface Door {
    /**
     * Lets the visitor in at a site.
     *
     * @param site the service's site
     * @return the ticket, or the refusal
     */
    Entry enter(SiteId site);

    /**
     * What the door answered: a ticket, or a refusal with its reason and detail.
     *
     * @param ticket the visit's ticket; null for a refusal
     * @param refusal {@link Outcome.Reason#OTHER_SITE} or {@link Outcome.Reason#GATE_REFUSED}; null for an admission
     * @param detail the gate's sentence for a refusal; empty for an admission
     */
    record Entry(@Nullable TicketId ticket, @Nullable Reason refusal, String detail) {
        /**
         * Checks that exactly one of a ticket and a refusal is there.
         *
         * @param ticket the ticket, or null
         * @param refusal the refusal, or null
         * @param detail not null
         * @throws IllegalArgumentException if both or neither are there
         */
        public Entry {
            Objects.requireNonNull(detail, "detail");
            if ((ticket == null) == (refusal == null)) {
                throw new IllegalArgumentException("an entry has a ticket or a refusal");
            }
        }

        /**
         * An admission.
         *
         * @param ticket the visit's ticket
         * @return the entry
         */
        public static Entry admitted(TicketId ticket) {
            return new Entry(Objects.requireNonNull(ticket, "ticket"), null, "");
        }

        /**
         * A refusal.
         *
         * @param reason {@link Outcome.Reason#OTHER_SITE} or {@link Outcome.Reason#GATE_REFUSED}
         * @param detail why, without personal data
         * @return the entry
         */
        public static Entry refused(Reason reason, String detail) {
            return new Entry(null, Objects.requireNonNull(reason, "reason"), detail);
        }
    }
}
