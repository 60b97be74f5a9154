package dev.lawang.capacity;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.Role;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The capacity rules of a set of sites: people present at once per site and per agency, admissions per local day,
 * dated levels that scale those limits, and the default stay after which a visit ends by itself.
 *
 * <p>Defaults, when a limit names no roles: a limit on people present at once counts everyone ({@link Role#STAFF}
 * and {@link Role#GUEST}); a daily quota counts {@link Role#GUEST} only. A site the policy does not mention, or a
 * limit it does not set, does not restrict admission; the ledger still counts the people it admits there. A day is
 * the site's local calendar day in the site's time zone, which comes from the directory ({@code Site.zone()}), never
 * from the policy; levels change at the same local midnight. Every limit in force on a day is {@code floor(nominal * percent / 100)} for the percentage of the site's
 * {@link LevelSchedule} that day, or the nominal limit on days no entry covers. The default stay is 8 hours.
 *
 * <p>Immutable and thread-safe. Changing limits means building a new policy (see {@link #toBuilder()}) and handing
 * it to the ledger with {@link OccupancyLedger#replacePolicy(CapacityPolicy)} (a gate: {@code Gate.replacePolicy}).
 */
public final class CapacityPolicy {
    /** The default stay when none is set: a working day. */
    public static final Duration DEFAULT_STAY = Duration.ofHours(8);
    /** The longest default stay accepted. */
    public static final Duration MAX_STAY = Duration.ofDays(7);

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> GUESTS = EnumSet.of(Role.GUEST);

    private final Map<SiteId, Limit> sitePresent;
    private final Map<SiteId, Limit> siteQuota;
    private final Map<SiteId, Map<AgencyId, Limit>> agencyPresent;
    private final Map<SiteId, Map<AgencyId, Limit>> agencyQuota;
    private final LevelSchedule levels;
    private final Map<SiteId, LevelSchedule> siteLevels;
    private final Duration defaultStay;

    private CapacityPolicy(Builder b) {
        sitePresent = Map.copyOf(b.sitePresent);
        siteQuota = Map.copyOf(b.siteQuota);
        agencyPresent = deepCopy(b.agencyPresent);
        agencyQuota = deepCopy(b.agencyQuota);
        levels = b.levels;
        siteLevels = Map.copyOf(b.siteLevels);
        defaultStay = b.defaultStay;
    }

    private static Map<SiteId, Map<AgencyId, Limit>> deepCopy(Map<SiteId, Map<AgencyId, Limit>> source) {
        Map<SiteId, Map<AgencyId, Limit>> copy = new HashMap<>();
        source.forEach((site, limits) -> copy.put(site, Map.copyOf(limits)));
        return Map.copyOf(copy);
    }

    /**
     * Returns a new, empty builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a policy without limits: every admission succeeds and is counted.
     *
     * @return the policy
     */
    public static CapacityPolicy unlimited() {
        return new Builder().build();
    }

    /**
     * Returns a builder holding this policy's rules, to derive a changed policy.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.sitePresent.putAll(sitePresent);
        b.siteQuota.putAll(siteQuota);
        agencyPresent.forEach((site, limits) -> b.agencyPresent.put(site, new HashMap<>(limits)));
        agencyQuota.forEach((site, limits) -> b.agencyQuota.put(site, new HashMap<>(limits)));
        b.levels = levels;
        b.siteLevels.putAll(siteLevels);
        b.defaultStay = defaultStay;
        return b;
    }

    /**
     * Returns the limit on people present at once at a site.
     *
     * @param site the site
     * @return the nominal limit, or empty if the site has none
     */
    public Optional<Limit> maxPresent(SiteId site) {
        return Optional.ofNullable(sitePresent.get(Objects.requireNonNull(site, "site")));
    }

    /**
     * Returns the limit on people present at once for an agency at a site.
     *
     * @param site the site
     * @param agency the agency
     * @return the nominal limit, or empty if the agency has none at the site
     */
    public Optional<Limit> maxPresent(SiteId site, AgencyId agency) {
        return Optional.ofNullable(agencyLimit(agencyPresent, site, agency));
    }

    /**
     * Returns the daily quota of a site: admissions per local day, all agencies together.
     *
     * @param site the site
     * @return the nominal quota, or empty if the site has none
     */
    public Optional<Limit> dailyQuota(SiteId site) {
        return Optional.ofNullable(siteQuota.get(Objects.requireNonNull(site, "site")));
    }

    /**
     * Returns the daily quota of an agency at a site.
     *
     * @param site the site
     * @param agency the agency
     * @return the nominal quota, or empty if the agency has none at the site
     */
    public Optional<Limit> dailyQuota(SiteId site, AgencyId agency) {
        return Optional.ofNullable(agencyLimit(agencyQuota, site, agency));
    }

    /**
     * Returns the level schedule that applies at a site: its own, or the policy's general one.
     *
     * @param site the site
     * @return the schedule, possibly {@link LevelSchedule#none()}
     */
    public LevelSchedule levels(SiteId site) {
        return siteLevels.getOrDefault(Objects.requireNonNull(site, "site"), levels);
    }

    /**
     * Returns the stay after which an open visit ends by itself when the ledger expires stays.
     *
     * @return a positive duration
     */
    public Duration defaultStay() {
        return defaultStay;
    }

    /**
     * Returns the sites this policy sets any limit or schedule for.
     *
     * @return an unmodifiable set
     */
    public Set<SiteId> sites() {
        Set<SiteId> sites = new HashSet<>();
        sites.addAll(sitePresent.keySet());
        sites.addAll(siteQuota.keySet());
        sites.addAll(agencyPresent.keySet());
        sites.addAll(agencyQuota.keySet());
        sites.addAll(siteLevels.keySet());
        return Set.copyOf(sites);
    }

    @Nullable Limit sitePresentLimit(SiteId site) {
        return sitePresent.get(site);
    }

    @Nullable Limit siteQuotaLimit(SiteId site) {
        return siteQuota.get(site);
    }

    @Nullable Limit agencyPresentLimit(SiteId site, AgencyId agency) {
        return agencyLimit(agencyPresent, site, agency);
    }

    @Nullable Limit agencyQuotaLimit(SiteId site, AgencyId agency) {
        return agencyLimit(agencyQuota, site, agency);
    }

    private static @Nullable Limit agencyLimit(Map<SiteId, Map<AgencyId, Limit>> limits, SiteId site,
            AgencyId agency) {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(agency, "agency");
        Map<AgencyId, Limit> ofSite = limits.get(site);
        return ofSite == null ? null : ofSite.get(agency);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof CapacityPolicy other && sitePresent.equals(other.sitePresent)
                && siteQuota.equals(other.siteQuota) && agencyPresent.equals(other.agencyPresent)
                && agencyQuota.equals(other.agencyQuota) && levels.equals(other.levels)
                && siteLevels.equals(other.siteLevels) && defaultStay.equals(other.defaultStay);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sitePresent, siteQuota, agencyPresent, agencyQuota, levels, siteLevels, defaultStay);
    }

    @Override
    public String toString() {
        return "CapacityPolicy[maxPresent=" + sitePresent + ", agencyMaxPresent=" + agencyPresent + ", dailyQuota="
                + siteQuota + ", agencyDailyQuota=" + agencyQuota + ", levels=" + levels + ", siteLevels="
                + siteLevels + ", defaultStay=" + defaultStay + "]";
    }

    /**
     * Collects rules for a {@link CapacityPolicy}. Setting a rule again replaces it. {@link #build()} copies the
     * rules, so the builder can be reused.
     *
     * <p>Not thread-safe.
     */
    public static final class Builder {
        private final Map<SiteId, Limit> sitePresent = new HashMap<>();
        private final Map<SiteId, Limit> siteQuota = new HashMap<>();
        private final Map<SiteId, Map<AgencyId, Limit>> agencyPresent = new HashMap<>();
        private final Map<SiteId, Map<AgencyId, Limit>> agencyQuota = new HashMap<>();
        private LevelSchedule levels = LevelSchedule.none();
        private final Map<SiteId, LevelSchedule> siteLevels = new HashMap<>();
        private Duration defaultStay = DEFAULT_STAY;

        private Builder() {
        }

        /**
         * Limits the people present at once at a site, all agencies together.
         *
         * @param site the site
         * @param n the nominal limit, from 0 to {@link Limit#MAX}
         * @param counted the roles counted; everyone if none are given
         * @return this builder
         * @throws IllegalArgumentException if {@code n} is out of range
         */
        public Builder maxPresent(SiteId site, int n, Role... counted) {
            sitePresent.put(Objects.requireNonNull(site, "site"), limit(n, counted, EVERYONE));
            return this;
        }

        /**
         * Limits the people present at once for one agency at a site.
         *
         * @param site the site
         * @param agency the agency
         * @param n the nominal limit, from 0 to {@link Limit#MAX}
         * @param counted the roles counted; everyone if none are given
         * @return this builder
         * @throws IllegalArgumentException if {@code n} is out of range
         */
        public Builder maxPresent(SiteId site, AgencyId agency, int n, Role... counted) {
            Limit limit = limit(n, counted, EVERYONE);
            agencyPresent.computeIfAbsent(Objects.requireNonNull(site, "site"), s -> new HashMap<>())
                    .put(Objects.requireNonNull(agency, "agency"), limit);
            return this;
        }

        /**
         * Limits the admissions per local day at a site, all agencies together.
         *
         * @param site the site
         * @param n the nominal quota, from 0 to {@link Limit#MAX}
         * @param counted the roles counted; guests only if none are given
         * @return this builder
         * @throws IllegalArgumentException if {@code n} is out of range
         */
        public Builder dailyQuota(SiteId site, int n, Role... counted) {
            siteQuota.put(Objects.requireNonNull(site, "site"), limit(n, counted, GUESTS));
            return this;
        }

        /**
         * Limits the admissions per local day for one agency at a site, such as face-to-face guests of the civil
         * registry.
         *
         * @param site the site
         * @param agency the agency
         * @param n the nominal quota, from 0 to {@link Limit#MAX}
         * @param counted the roles counted; guests only if none are given
         * @return this builder
         * @throws IllegalArgumentException if {@code n} is out of range
         */
        public Builder dailyQuota(SiteId site, AgencyId agency, int n, Role... counted) {
            Limit limit = limit(n, counted, GUESTS);
            agencyQuota.computeIfAbsent(Objects.requireNonNull(site, "site"), s -> new HashMap<>())
                    .put(Objects.requireNonNull(agency, "agency"), limit);
            return this;
        }

        /**
         * Sets the level schedule for every site without one of its own.
         *
         * @param levels the schedule
         * @return this builder
         */
        public Builder levels(LevelSchedule levels) {
            this.levels = Objects.requireNonNull(levels, "levels");
            return this;
        }

        /**
         * Sets the level schedule of one site, in place of the general one.
         *
         * @param site the site
         * @param levels the site's schedule
         * @return this builder
         */
        public Builder levels(SiteId site, LevelSchedule levels) {
            siteLevels.put(Objects.requireNonNull(site, "site"), Objects.requireNonNull(levels, "levels"));
            return this;
        }

        /**
         * Sets the stay after which an open visit ends by itself; 8 hours unless set.
         *
         * @param defaultStay a positive duration of at most {@link CapacityPolicy#MAX_STAY}
         * @return this builder
         * @throws IllegalArgumentException if {@code defaultStay} is zero, negative or too long
         */
        public Builder defaultStay(Duration defaultStay) {
            Objects.requireNonNull(defaultStay, "defaultStay");
            if (defaultStay.isNegative() || defaultStay.isZero() || defaultStay.compareTo(MAX_STAY) > 0) {
                throw new IllegalArgumentException("default stay must be positive and at most " + MAX_STAY + ": "
                        + defaultStay);
            }
            this.defaultStay = defaultStay;
            return this;
        }

        /**
         * Builds the policy from a copy of the rules collected so far.
         *
         * @return the policy
         */
        public CapacityPolicy build() {
            return new CapacityPolicy(this);
        }

        private static Limit limit(int n, Role[] counted, Set<Role> defaults) {
            Objects.requireNonNull(counted, "counted");
            Set<Role> roles = counted.length == 0 ? defaults : EnumSet.copyOf(List.of(counted));
            return Limit.of(n, roles);
        }
    }
}
