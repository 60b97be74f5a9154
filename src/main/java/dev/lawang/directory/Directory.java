package dev.lawang.directory;

import dev.lawang.geo.GeoPoint;
import dev.lawang.geo.GeofenceIndex;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The agencies and sites a deployment knows, and which agency works where.
 *
 * <p>Built with {@link #builder()}, which checks that ids are unique, that every tenant of a site is an agency of
 * the directory, and that every parent is one too and parents form no cycle. Sites are indexed spatially once, at
 * build time, so {@link #sitesAt(GeoPoint)} stays fast with a million sites.
 *
 * <p>Immutable and thread-safe.
 */
public final class Directory {
    private final Map<AgencyId, Agency> agencies;
    private final List<Agency> agencyList;
    private final Map<SiteId, Site> sites;
    private final Map<AgencyId, List<Site>> sitesByAgency;
    private final GeofenceIndex<Site> index;

    private Directory(Map<AgencyId, Agency> agencies, Map<SiteId, Site> sites) {
        this.agencies = agencies;
        this.agencyList = List.copyOf(agencies.values());
        this.sites = sites;
        Map<AgencyId, List<Site>> byAgency = new HashMap<>();
        for (Site site : sites.values()) {
            for (AgencyId tenant : site.tenants()) {
                byAgency.computeIfAbsent(tenant, a -> new ArrayList<>()).add(site);
            }
        }
        byAgency.replaceAll((a, list) -> List.copyOf(list));
        this.sitesByAgency = byAgency;
        this.index = GeofenceIndex.of(List.copyOf(sites.values()), Site::geofence);
    }

    /**
     * Starts building a directory.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a directory from a GeoJSON FeatureCollection in the format of {@code docs/directory-file.md}.
     *
     * @param reader the text; read to its end, not closed
     * @return the directory
     * @throws DirectoryFileException if the text is not a valid directory file; the message names the feature and
     *     the field
     * @throws IOException if the reader fails; passed on as the reader threw it
     */
    public static Directory readGeoJson(Reader reader) throws IOException {
        return DirectoryFile.read(Objects.requireNonNull(reader, "reader"));
    }

    /**
     * Writes this directory as a GeoJSON FeatureCollection that {@link #readGeoJson(Reader)} reads back to an equal
     * directory.
     *
     * @param writer where to write; flushed, not closed
     * @throws IOException if the writer fails; passed on as the writer threw it
     */
    public void writeGeoJson(Writer writer) throws IOException {
        DirectoryFile.write(this, Objects.requireNonNull(writer, "writer"));
    }

    /**
     * Returns a site by id.
     *
     * @param id the site's id
     * @return the site, or empty if the directory has none with this id
     */
    public Optional<Site> site(SiteId id) {
        return Optional.ofNullable(sites.get(Objects.requireNonNull(id, "id")));
    }

    /**
     * Returns an agency by id.
     *
     * @param id the agency's id
     * @return the agency, or empty if the directory has none with this id
     */
    public Optional<Agency> agency(AgencyId id) {
        return Optional.ofNullable(agencies.get(Objects.requireNonNull(id, "id")));
    }

    /**
     * Returns every agency, in the order they were added.
     *
     * @return an unmodifiable list
     */
    public List<Agency> agencies() {
        return agencyList;
    }

    /**
     * Returns every site, in the order they were added.
     *
     * @return an unmodifiable list
     */
    public List<Site> sites() {
        return index.items();
    }

    /**
     * Returns the sites where an agency works (where it is a tenant), in the order they were added.
     *
     * @param agency the agency's id
     * @return an unmodifiable list, empty for an agency without sites or not in the directory
     */
    public List<Site> sitesOf(AgencyId agency) {
        return sitesByAgency.getOrDefault(Objects.requireNonNull(agency, "agency"), List.of());
    }

    /**
     * Returns the sites whose geofence covers a point (boundary included), in the order they were added.
     *
     * @param point the point
     * @return an unmodifiable list, empty if no site covers the point
     */
    public List<Site> sitesAt(GeoPoint point) {
        return index.covering(Objects.requireNonNull(point, "point"));
    }

    /**
     * Returns the agencies whose parent is the given agency, in the order they were added.
     *
     * @param parent the parent agency's id
     * @return an unmodifiable list, empty if it has no sub-agencies
     */
    public List<Agency> subAgencies(AgencyId parent) {
        Objects.requireNonNull(parent, "parent");
        return agencyList.stream().filter(a -> parent.equals(a.parent())).toList();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Directory d && d.agencies().equals(agencies()) && d.sites().equals(sites());
    }

    @Override
    public int hashCode() {
        return agencies().hashCode() * 31 + sites().hashCode();
    }

    @Override
    public String toString() {
        return "Directory[" + agencies.size() + " agencies, " + sites.size() + " sites]";
    }

    /**
     * Builds a {@link Directory}. {@link #build()} copies the builder's state and checks it, so the builder can be
     * reused.
     *
     * <p>Not thread-safe.
     */
    public static final class Builder {
        private final List<Agency> agencies = new ArrayList<>();
        private final List<Site> sites = new ArrayList<>();

        private Builder() {}

        /**
         * Adds agencies.
         *
         * @param agencies the agencies
         * @return this builder
         */
        public Builder agencies(Agency... agencies) {
            return agencies(List.of(agencies));
        }

        /**
         * Adds agencies.
         *
         * @param agencies the agencies
         * @return this builder
         */
        public Builder agencies(Collection<Agency> agencies) {
            for (Agency a : agencies) {
                this.agencies.add(Objects.requireNonNull(a, "agencies"));
            }
            return this;
        }

        /**
         * Adds sites.
         *
         * @param sites the sites
         * @return this builder
         */
        public Builder sites(Site... sites) {
            return sites(List.of(sites));
        }

        /**
         * Adds sites.
         *
         * @param sites the sites
         * @return this builder
         */
        public Builder sites(Collection<Site> sites) {
            for (Site s : sites) {
                this.sites.add(Objects.requireNonNull(s, "sites"));
            }
            return this;
        }

        /**
         * Checks the agencies and sites and builds the directory.
         *
         * @return the directory
         * @throws IllegalArgumentException if an agency or site id appears twice, a site names a tenant that is not
         *     an agency here, an agency names a parent that is not an agency here, or parents form a cycle
         */
        public Directory build() {
            Map<AgencyId, Agency> agencyMap = new LinkedHashMap<>();
            for (Agency a : agencies) {
                if (agencyMap.putIfAbsent(a.id(), a) != null) {
                    throw new IllegalArgumentException("agency id '" + a.id() + "' appears twice");
                }
            }
            for (Agency a : agencyMap.values()) {
                AgencyId parent = a.parent();
                if (parent != null && !agencyMap.containsKey(parent)) {
                    throw new IllegalArgumentException("agency '" + a.id() + "' names parent '" + parent
                            + "', which is not an agency of the directory");
                }
            }
            checkNoParentCycle(agencyMap);
            Map<SiteId, Site> siteMap = new LinkedHashMap<>();
            for (Site s : sites) {
                if (siteMap.putIfAbsent(s.id(), s) != null) {
                    throw new IllegalArgumentException("site id '" + s.id() + "' appears twice");
                }
                for (AgencyId tenant : s.tenants()) {
                    if (!agencyMap.containsKey(tenant)) {
                        throw new IllegalArgumentException("site '" + s.id() + "' names tenant '" + tenant
                                + "', which is not an agency of the directory");
                    }
                }
            }
            return new Directory(agencyMap, siteMap);
        }

        private static void checkNoParentCycle(Map<AgencyId, Agency> agencyMap) {
            Set<AgencyId> acyclic = new java.util.HashSet<>();
            for (Agency start : agencyMap.values()) {
                Set<AgencyId> path = new LinkedHashSet<>();
                AgencyId current = start.id();
                while (current != null && !acyclic.contains(current)) {
                    if (!path.add(current)) {
                        List<String> cycle = new ArrayList<>();
                        boolean inCycle = false;
                        for (AgencyId id : path) {
                            inCycle |= id.equals(current);
                            if (inCycle) {
                                cycle.add(id.value());
                            }
                        }
                        cycle.add(current.value());
                        throw new IllegalArgumentException("agency parents form a cycle: "
                                + String.join(" -> ", cycle));
                    }
                    current = Objects.requireNonNull(agencyMap.get(current)).parent();
                }
                acyclic.addAll(path);
            }
        }
    }
}
