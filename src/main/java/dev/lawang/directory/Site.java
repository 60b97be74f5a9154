package dev.lawang.directory;

import dev.lawang.geo.Geofence;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A site: a building or complex with an address, a geofence, a time zone and the agencies housed there (its
 * tenants). Days at a site (daily quotas) are local to its zone.
 *
 * <p>Created with {@link #builder(SiteId)}. Immutable and thread-safe.
 */
public final class Site {
    /** The zone a site has unless another is set: Western Indonesia Time (WIB). */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Jakarta");
    /** The longest address accepted, in characters. */
    public static final int MAX_ADDRESS_LENGTH = 500;

    private final SiteId id;
    private final String name;
    private final @Nullable String address;
    private final Geofence geofence;
    private final ZoneId zone;
    private final Set<AgencyId> tenants;
    private final boolean requiresRotatingCode;

    private Site(Builder builder) {
        this.id = builder.id;
        if (builder.name == null) {
            throw new IllegalStateException("site " + id + " needs a name");
        }
        if (builder.geofence == null) {
            throw new IllegalStateException("site " + id + " needs a geofence");
        }
        this.name = Agency.checkName(builder.name, "site " + id);
        this.address = builder.address;
        this.geofence = builder.geofence;
        this.zone = builder.zone;
        this.tenants = Collections.unmodifiableSet(new LinkedHashSet<>(builder.tenants));
        this.requiresRotatingCode = builder.requiresRotatingCode;
    }

    /**
     * Starts building a site.
     *
     * @param id the site's identifier
     * @return a builder; {@link Builder#name(String)} and {@link Builder#geofence(Geofence)} are required
     */
    public static Builder builder(SiteId id) {
        return new Builder(id);
    }

    /**
     * Returns a builder holding this site's values, to derive a changed copy.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(id).name(name).geofence(geofence).zone(zone).tenants(tenants)
                .requiresRotatingCode(requiresRotatingCode);
        return address == null ? b : b.address(address);
    }

    /**
     * Returns the identifier.
     *
     * @return the id
     */
    public SiteId id() {
        return id;
    }

    /**
     * Returns the display name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the postal address, if one was given.
     *
     * @return the address
     */
    public Optional<String> address() {
        return Optional.ofNullable(address);
    }

    /**
     * Returns the geofence.
     *
     * @return the geofence
     */
    public Geofence geofence() {
        return geofence;
    }

    /**
     * Returns the time zone in which the site's days begin and end.
     *
     * @return the zone, {@link #DEFAULT_ZONE} unless another was set
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Returns the agencies housed at the site, in the order given.
     *
     * @return an unmodifiable set
     */
    public Set<AgencyId> tenants() {
        return tenants;
    }

    /**
     * Tells whether an agency is housed at the site.
     *
     * @param agency the agency
     * @return whether it is a tenant
     */
    public boolean hasTenant(AgencyId agency) {
        return tenants.contains(agency);
    }

    /**
     * Tells whether the site admits only with the rotating code of a display at its door (docs/payload-format.md,
     * version 2), so that a printed poster, which can be photographed and shared, is refused there.
     *
     * @return whether rotating codes are required; false unless set
     */
    public boolean requiresRotatingCode() {
        return requiresRotatingCode;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Site s && s.id.equals(id) && s.name.equals(name) && Objects.equals(s.address, address)
                && s.geofence.equals(geofence) && s.zone.equals(zone) && s.tenants.equals(tenants)
                && s.requiresRotatingCode == requiresRotatingCode;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, address, geofence, zone, tenants, requiresRotatingCode);
    }

    @Override
    public String toString() {
        return "Site[" + id + ", " + name + ", " + tenants.size() + " tenants]";
    }

    /**
     * Builds a {@link Site}. {@link #build()} copies the builder's state, so the builder can be reused.
     *
     * <p>Not thread-safe.
     */
    public static final class Builder {
        private final SiteId id;
        private @Nullable String name;
        private @Nullable String address;
        private @Nullable Geofence geofence;
        private ZoneId zone = DEFAULT_ZONE;
        private final Set<AgencyId> tenants = new LinkedHashSet<>();
        private boolean requiresRotatingCode;

        private Builder(SiteId id) {
            this.id = Objects.requireNonNull(id, "id");
        }

        /**
         * Sets the display name (required).
         *
         * @param name not blank, at most 200 characters, no control characters
         * @return this builder
         * @throws IllegalArgumentException if the name is not acceptable
         */
        public Builder name(String name) {
            this.name = Agency.checkName(name, "site " + id);
            return this;
        }

        /**
         * Sets the postal address (optional).
         *
         * @param address not blank, at most {@value Site#MAX_ADDRESS_LENGTH} characters, no control characters
         * @return this builder
         * @throws IllegalArgumentException if the address is not acceptable
         */
        public Builder address(String address) {
            Objects.requireNonNull(address, "address");
            if (address.isBlank() || address.length() > MAX_ADDRESS_LENGTH
                    || address.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("address of site " + id + " must be 1 to " + MAX_ADDRESS_LENGTH
                        + " characters, not blank, without control characters: '"
                        + AgencyId.abbreviate(address) + "'");
            }
            this.address = address.strip();
            return this;
        }

        /**
         * Sets the geofence (required).
         *
         * @param geofence the area of the site
         * @return this builder
         */
        public Builder geofence(Geofence geofence) {
            this.geofence = Objects.requireNonNull(geofence, "geofence");
            return this;
        }

        /**
         * Sets the time zone (optional; {@link Site#DEFAULT_ZONE} otherwise).
         *
         * @param zone the zone
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * Adds tenant agencies; adding one twice has no further effect.
         *
         * @param tenants the tenants housed at the site
         * @return this builder
         */
        public Builder tenants(AgencyId... tenants) {
            Objects.requireNonNull(tenants, "tenants");
            for (AgencyId a : tenants) {
                this.tenants.add(Objects.requireNonNull(a, "tenants"));
            }
            return this;
        }

        /**
         * Adds tenant agencies; adding one twice has no further effect.
         *
         * @param tenants the tenants housed at the site
         * @return this builder
         */
        public Builder tenants(Collection<AgencyId> tenants) {
            Objects.requireNonNull(tenants, "tenants");
            return tenants(tenants.toArray(AgencyId[]::new));
        }

        /**
         * Sets whether the site admits only with the rotating code of a display at its door (optional; false
         * otherwise).
         *
         * @param requiresRotatingCode whether a printed poster is refused at the site
         * @return this builder
         */
        public Builder requiresRotatingCode(boolean requiresRotatingCode) {
            this.requiresRotatingCode = requiresRotatingCode;
            return this;
        }

        /**
         * Builds the site.
         *
         * @return the site
         * @throws IllegalStateException if the name or the geofence is missing
         */
        public Site build() {
            return new Site(this);
        }
    }
}
