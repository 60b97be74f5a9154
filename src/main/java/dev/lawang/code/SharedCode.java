package dev.lawang.code;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A shared code: one site, the agencies at that site it admits visitors to (1 to 64), and a validity window
 * {@code [validFrom, validUntil)}, identified by a random {@link CodeId}.
 *
 * <p>Times have second precision: the builder drops fractions of a second. Times must lie between 1970-01-01T00:00:00Z
 * and 2106-02-07T06:28:15Z, the range of the payload's 32-bit time fields. A code also records when it was issued, so
 * that a trust list can revoke every code of a site issued before a cut-off.
 *
 * <p>Immutable and thread-safe.
 */
public final class SharedCode {
    /** The most agencies one code covers. */
    public static final int MAX_AGENCIES = 64;

    /** The latest instant a payload can carry: 2^32 - 1 seconds after the epoch. */
    static final long MAX_EPOCH_SECOND = 0xFFFF_FFFFL;

    private final CodeId id;
    private final SiteId site;
    private final SortedSet<AgencyId> agencies;
    private final Instant issuedAt;
    private final Instant validFrom;
    private final Instant validUntil;

    SharedCode(CodeId id, SiteId site, SortedSet<AgencyId> agencies, Instant issuedAt, Instant validFrom,
            Instant validUntil) {
        this.id = id;
        this.site = site;
        this.agencies = Collections.unmodifiableSortedSet(agencies);
        this.issuedAt = issuedAt;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
    }

    /**
     * Starts a code for a site.
     *
     * @param site the site the code is displayed at
     * @return a builder with a fresh random id and no agencies yet
     */
    public static Builder builder(SiteId site) {
        return new Builder(site);
    }

    /**
     * Returns the code's id.
     *
     * @return the id
     */
    public CodeId id() {
        return id;
    }

    /**
     * Returns the site the code belongs to.
     *
     * @return the site id
     */
    public SiteId site() {
        return site;
    }

    /**
     * Returns the covered agencies in ascending order of their ids.
     *
     * @return an unmodifiable set of 1 to 64 agency ids
     */
    public SortedSet<AgencyId> agencies() {
        return agencies;
    }

    /**
     * Tells whether the code admits visitors to an agency.
     *
     * @param agency the agency
     * @return whether the agency is covered
     */
    public boolean covers(AgencyId agency) {
        return agencies.contains(Objects.requireNonNull(agency, "agency"));
    }

    /**
     * Returns when the code was issued, as stated by its issuer.
     *
     * @return the issue time, whole seconds
     */
    public Instant issuedAt() {
        return issuedAt;
    }

    /**
     * Returns the first instant of validity (inclusive).
     *
     * @return the start of the window, whole seconds
     */
    public Instant validFrom() {
        return validFrom;
    }

    /**
     * Returns the end of validity (exclusive).
     *
     * @return the end of the window, whole seconds
     */
    public Instant validUntil() {
        return validUntil;
    }

    /**
     * Tells whether an instant lies in the half-open validity window {@code [validFrom, validUntil)}.
     *
     * @param instant the instant
     * @return whether the code is valid then (revocation aside)
     */
    public boolean isValidAt(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return !instant.isBefore(validFrom) && instant.isBefore(validUntil);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof SharedCode other && id.equals(other.id) && site.equals(other.site)
                && agencies.equals(other.agencies) && issuedAt.equals(other.issuedAt)
                && validFrom.equals(other.validFrom) && validUntil.equals(other.validUntil);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, site, agencies, issuedAt, validFrom, validUntil);
    }

    @Override
    public String toString() {
        return "SharedCode[id=" + id + ", site=" + site + ", agencies=" + agencies + ", issuedAt=" + issuedAt
                + ", valid=[" + validFrom + ", " + validUntil + ")]";
    }

    /**
     * Builds a {@link SharedCode}. Not thread-safe; {@link #build()} copies the state, so a builder can be reused.
     */
    public static final class Builder {
        private final SiteId site;
        private @Nullable CodeId id;
        private final SortedSet<AgencyId> agencies = new TreeSet<>();
        private @Nullable Instant issuedAt;
        private @Nullable Instant validFrom;
        private @Nullable Instant validUntil;

        private Builder(SiteId site) {
            this.site = Objects.requireNonNull(site, "site");
        }

        /**
         * Sets the code's id instead of a fresh random one, for example to re-create a known code.
         *
         * @param id the id
         * @return this builder
         */
        public Builder id(CodeId id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * Adds covered agencies.
         *
         * @param agencies the agencies
         * @return this builder
         */
        public Builder covering(AgencyId... agencies) {
            return covering(Arrays.asList(agencies));
        }

        /**
         * Adds covered agencies.
         *
         * @param agencies the agencies
         * @return this builder
         */
        public Builder covering(Collection<AgencyId> agencies) {
            for (AgencyId agency : agencies) {
                this.agencies.add(Objects.requireNonNull(agency, "agency"));
            }
            return this;
        }

        /**
         * Sets when the code was issued; if unset, the start of validity.
         *
         * @param issuedAt the issue time; fractions of a second are dropped
         * @return this builder
         */
        public Builder issuedAt(Instant issuedAt) {
            this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt").truncatedTo(ChronoUnit.SECONDS);
            return this;
        }

        /**
         * Sets the first instant of validity (inclusive).
         *
         * @param validFrom the start; fractions of a second are dropped
         * @return this builder
         */
        public Builder validFrom(Instant validFrom) {
            this.validFrom = Objects.requireNonNull(validFrom, "validFrom").truncatedTo(ChronoUnit.SECONDS);
            return this;
        }

        /**
         * Sets the end of validity (exclusive).
         *
         * @param validUntil the end; fractions of a second are dropped
         * @return this builder
         */
        public Builder validUntil(Instant validUntil) {
            this.validUntil = Objects.requireNonNull(validUntil, "validUntil").truncatedTo(ChronoUnit.SECONDS);
            return this;
        }

        /**
         * Builds the code, with a fresh random id unless one was set.
         *
         * @return the code
         * @throws IllegalStateException if the validity window was not set
         * @throws IllegalArgumentException if there are no or more than 64 agencies, the window is empty or reversed,
         *     a time lies outside the payload's range, or the ids are too long for the code to fit any QR symbol at
         *     error correction level M
         */
        public SharedCode build() {
            if (validFrom == null || validUntil == null) {
                throw new IllegalStateException("a shared code needs validFrom and validUntil");
            }
            Instant from = validFrom;
            Instant until = validUntil;
            Instant issued = issuedAt != null ? issuedAt : from;
            if (agencies.isEmpty() || agencies.size() > MAX_AGENCIES) {
                throw new IllegalArgumentException(
                        "a shared code covers 1 to " + MAX_AGENCIES + " agencies, not " + agencies.size());
            }
            if (!from.isBefore(until)) {
                throw new IllegalArgumentException(
                        "validity window [" + from + ", " + until + ") is empty or reversed");
            }
            checkRange("validFrom", from);
            checkRange("validUntil", until);
            checkRange("issuedAt", issued);
            SharedCode code = new SharedCode(id != null ? id : CodeId.random(), site, new TreeSet<>(agencies),
                    issued, from, until);
            int length = PayloadV1.textLength(code);
            if (length > PayloadV1.MAX_TEXT_LENGTH) {
                throw new IllegalArgumentException("the ids of site " + site + " and " + agencies.size()
                        + " agencies need a code text of " + length + " characters, but a QR symbol at level M holds"
                        + " at most " + PayloadV1.MAX_TEXT_LENGTH + "; cover fewer agencies or use shorter ids");
            }
            return code;
        }

        private static void checkRange(String name, Instant t) {
            if (t.getEpochSecond() < 0 || t.getEpochSecond() > MAX_EPOCH_SECOND) {
                throw new IllegalArgumentException(name + " " + t + " lies outside 1970-01-01T00:00:00Z to "
                        + Instant.ofEpochSecond(MAX_EPOCH_SECOND));
            }
        }
    }
}
