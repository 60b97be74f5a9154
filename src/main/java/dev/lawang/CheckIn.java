package dev.lawang;

import dev.lawang.code.Verification;
import dev.lawang.directory.AgencyId;
import dev.lawang.geo.Fix;
import dev.lawang.visit.EntryChannel;
import dev.lawang.visit.Role;
import dev.lawang.visit.VisitorRef;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A check-in request: a scanned code, who scanned it, which agency they came for, as what, where the phone was, and
 * the health status the host's health system reports.
 *
 * <p>The site comes from the code. {@link #toString()} leaves out the code text and the visitor. Immutable and
 * thread-safe.
 *
 * @param code the text read from the QR symbol, as scanned
 * @param visitor the visitor's pseudonym
 * @param agency the agency the visitor came for; the code must cover it
 * @param role whether the visitor comes as staff or as a guest
 * @param fix the phone's position, or {@code null} if the host has none
 * @param status the visitor's health status, or {@code null} if the host has none
 */
public record CheckIn(String code, VisitorRef visitor, AgencyId agency, Role role, @Nullable Fix fix,
        @Nullable HealthStatus status) {
    /**
     * Validates the request.
     *
     * @param code not null
     * @param visitor not null
     * @param agency not null
     * @param role not null
     * @param fix the phone's position, or {@code null}
     * @param status the health status, or {@code null}
     */
    public CheckIn {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(visitor, "visitor");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(role, "role");
    }

    /**
     * Returns the entry channel of a check-in whose code verified on a channel: the way in the gate records on the
     * ticket and the visit, and an offline kiosk journals for the same scan. A walk-in's is
     * {@link EntryChannel#WALK_IN}.
     *
     * @param verified how the code came ({@link Verification.Verified#channel()})
     * @return {@link EntryChannel#PRINTED_CODE}, {@link EntryChannel#ROTATING_CODE} or
     *     {@link EntryChannel#REGISTERED_FOREIGN_CODE}
     */
    public static EntryChannel entryChannel(Verification.Channel verified) {
        return switch (Objects.requireNonNull(verified, "verified")) {
            case PRINTED_CODE -> EntryChannel.PRINTED_CODE;
            case ROTATING_CODE -> EntryChannel.ROTATING_CODE;
            case REGISTERED_FOREIGN_CODE -> EntryChannel.REGISTERED_FOREIGN_CODE;
        };
    }

    /**
     * Describes the request without the code text, the visitor, the position or the status.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "CheckIn[agency=" + agency + ", role=" + role + ", fix=" + (fix == null ? "none" : "given")
                + ", status=" + (status == null ? "none" : "given") + "]";
    }
}
