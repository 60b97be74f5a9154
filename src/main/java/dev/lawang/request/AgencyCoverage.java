package dev.lawang.request;

import dev.lawang.directory.AgencyId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One agency's line in a {@link CoverageReport}: its state, the codes that cover it, or the request it waits on or
 * that was rejected.
 *
 * <p>Immutable and thread-safe.
 */
public final class AgencyCoverage {
    private final AgencyId agency;
    private final String name;
    private final CoverageState state;
    private final List<CodeCoverage> codes;
    private final @Nullable RequestEntry request;

    AgencyCoverage(AgencyId agency, String name, CoverageState state, List<CodeCoverage> codes,
            @Nullable RequestEntry request) {
        this.agency = agency;
        this.name = name;
        this.state = state;
        this.codes = List.copyOf(codes);
        this.request = request;
    }

    /**
     * Returns the agency.
     *
     * @return its id
     */
    public AgencyId agency() {
        return agency;
    }

    /**
     * Returns the agency's name in the directory.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns where the agency stands.
     *
     * @return the state
     */
    public CoverageState state() {
        return state;
    }

    /**
     * Tells whether the agency must screen its visitors by hand.
     *
     * @return whether the state is anything but {@link CoverageState#COVERED}
     */
    public boolean mustScreenByHand() {
        return state != CoverageState.COVERED;
    }

    /**
     * Returns the valid codes that cover the agency, by site, then by end of validity.
     *
     * @return an unmodifiable list; non-empty exactly when the state is {@link CoverageState#COVERED}
     */
    public List<CodeCoverage> codes() {
        return codes;
    }

    /**
     * Returns the request behind a {@link CoverageState#PENDING} state (the oldest open request covering the agency)
     * or a {@link CoverageState#REJECTED} state (the latest request covering it).
     *
     * @return the request as the book held it when the report was made; empty for the other states
     */
    public Optional<RequestEntry> request() {
        return Optional.ofNullable(request);
    }

    /**
     * Returns since when the agency is pending (when its request was submitted) or rejected (when it was rejected).
     *
     * @return the time; empty for the other states
     */
    public Optional<Instant> since() {
        if (request == null) {
            return Optional.empty();
        }
        return Optional.of(state == CoverageState.PENDING ? request.submittedAt() : request.since());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AgencyCoverage c && agency.equals(c.agency) && name.equals(c.name) && state == c.state
                && codes.equals(c.codes) && Objects.equals(request, c.request);
    }

    @Override
    public int hashCode() {
        return Objects.hash(agency, name, state, codes, request);
    }

    @Override
    public String toString() {
        return "AgencyCoverage[" + agency + " " + state + (codes.isEmpty() ? "" : " by " + codes)
                + (request == null ? "" : " request " + request.id()) + "]";
    }
}
