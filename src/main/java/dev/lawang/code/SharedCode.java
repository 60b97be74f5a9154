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
 * A shared code: one site, the agencies at that site it admits visitors to (1 to {@value #MAX_AGENCIES}), and a
 * validity window {@code [validFrom, validUntil)}, identified by a random {@link CodeId}.
 *
 * <p>A code also records when it was issued, so that a trust list can revoke every code of a site issued before a
 * cut-off. A code is issued before it expires ({@code issuedAt < validUntil}), and it is not valid before it was
 * issued: it is valid in {@code [max(validFrom, issuedAt), validUntil)}. The issue time may lie before the window
 * (a poster printed in advance) or inside it (a code issued for a window that has already begun).
 *
 * <p>Times are whole seconds between 1970-01-01T00:00:00Z and 2106-02-07T06:28:15Z, the range of the payload's 32-bit
 * time fields; the builder refuses a time with a fraction of a second rather than round it.
 *
 * <p>Immutable and thread-safe.
 */
public final class SharedCode {
    /**
     * The most agencies one code covers: the payload's agency count is 1 to 64 (docs/payload-format.md). The one
     * statement of that limit in the library; a code request and a poster refer to it.
     */
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
     * Tells whether the code is valid at an instant: in the half-open window {@code [validFrom, validUntil)} and not
     * before it was issued.
     *
     * @param instant the instant
     * @return whether the code is valid then (key trust and revocation aside)
     */
    public boolean isValidAt(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return !instant.isBefore(validFrom) && !instant.isBefore(issuedAt) && instant.isBefore(validUntil);
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
         * @param agencies the agencies, none covered already, none twice
         * @return this builder
         * @throws IllegalArgumentException if an agency is covered already or given twice; the builder is then
         *     unchanged
         */
        public Builder covering(AgencyId... agencies) {
            return covering(Arrays.asList(agencies));
        }

        /**
         * Adds covered agencies.
         *
         * @param agencies the agencies, none covered already, none twice
         * @return this builder
         * @throws IllegalArgumentException if an agency is covered already or given twice; the builder is then
         *     unchanged
         */
        public Builder covering(Collection<AgencyId> agencies) {
            Objects.requireNonNull(agencies, "agencies");
            SortedSet<AgencyId> added = new TreeSet<>();
            for (AgencyId agency : agencies) {
                Objects.requireNonNull(agency, "agency");
                if (this.agencies.contains(agency) || !added.add(agency)) {
                    throw new IllegalArgumentException("agency " + agency + " is covered twice");
                }
            }
            this.agencies.addAll(added);
            return this;
        }

        /**
         * Sets when the code was issued; if unset, the start of validity. The code is not valid before this instant.
         *
         * @param issuedAt the issue time, whole seconds, before {@code validUntil}
         * @return this builder
         * @throws IllegalArgumentException if {@code issuedAt} has a fraction of a second
         */
        public Builder issuedAt(Instant issuedAt) {
            this.issuedAt = wholeSeconds("issuedAt", issuedAt);
            return this;
        }

        /**
         * Sets the first instant of validity (inclusive).
         *
         * @param validFrom the start, whole seconds
         * @return this builder
         * @throws IllegalArgumentException if {@code validFrom} has a fraction of a second
         */
        public Builder validFrom(Instant validFrom) {
            this.validFrom = wholeSeconds("validFrom", validFrom);
            return this;
        }

        /**
         * Sets the end of validity (exclusive).
         *
         * @param validUntil the end, whole seconds, after {@code validFrom} and {@code issuedAt}
         * @return this builder
         * @throws IllegalArgumentException if {@code validUntil} has a fraction of a second
         */
        public Builder validUntil(Instant validUntil) {
            this.validUntil = wholeSeconds("validUntil", validUntil);
            return this;
        }

        /** A code carries whole seconds; rounding would make it valid early or late, so a fraction is refused. */
        private static Instant wholeSeconds(String name, Instant t) {
            Objects.requireNonNull(t, name);
            Instant whole = t.truncatedTo(ChronoUnit.SECONDS);
            if (!whole.equals(t)) {
                throw new IllegalArgumentException(name + " " + t + " has a fraction of a second; a code carries"
                        + " whole seconds (" + whole + ")");
            }
            return t;
        }

        /**
         * Builds the code, with a fresh random id unless one was set.
         *
         * @return the code
         * @throws IllegalStateException if the validity window was not set
         * @throws IllegalArgumentException if there are no or more than {@value SharedCode#MAX_AGENCIES} agencies, the
         *     window is empty or reversed, the code would be issued at or after the end of its window, a time lies
         *     outside the payload's range, or the ids are too long for the code to fit any QR symbol at error
         *     correction level M
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
            if (!issued.isBefore(until)) {
                throw new IllegalArgumentException("issuedAt " + issued + " is not before validUntil " + until
                        + ": a code is issued before it expires");
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
