package dev.lawang.geo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * The vertices of an area exactly as given, in longitude and latitude degrees: polygon by polygon, each polygon's
 * exterior ring first and then its holes, every ring closed. Equality of areas and their WKT are defined on this.
 *
 * <p>Immutable once built (the arrays are never written after construction, nor handed out); thread-safe.
 */
final class Rings {
    final boolean multi;
    /** Longitude of every vertex, ring after ring. */
    final double[] lon;
    /** Latitude of every vertex, ring after ring. */
    final double[] lat;
    /** Start of each ring in {@link #lon} and {@link #lat}, plus the vertex count at the end. */
    final int[] ringStart;
    /** Polygon {@code p} owns rings {@code [polygonStart[p], polygonStart[p + 1])}. */
    final int[] polygonStart;
    final double minLatitude;
    final double maxLatitude;
    final double minLongitude;
    final double maxLongitude;

    private Rings(Geometry geometry) {
        this.multi = geometry instanceof MultiPolygon;
        List<Coordinate[]> rings = new ArrayList<>();
        int[] polygons = new int[geometry.getNumGeometries() + 1];
        for (int p = 0; p < geometry.getNumGeometries(); p++) {
            Polygon polygon = (Polygon) geometry.getGeometryN(p);
            polygons[p] = rings.size();
            rings.add(polygon.getExteriorRing().getCoordinates());
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                rings.add(polygon.getInteriorRingN(h).getCoordinates());
            }
        }
        polygons[geometry.getNumGeometries()] = rings.size();
        this.polygonStart = polygons;
        int total = rings.stream().mapToInt(r -> r.length).sum();
        AreaRules.checkVertexCount(total);
        this.lon = new double[total];
        this.lat = new double[total];
        this.ringStart = new int[rings.size() + 1];
        int k = 0;
        for (int r = 0; r < rings.size(); r++) {
            ringStart[r] = k;
            for (Coordinate c : rings.get(r)) {
                lon[k] = c.x;
                lat[k] = c.y;
                k++;
            }
        }
        ringStart[rings.size()] = total;
        this.minLatitude = Arrays.stream(lat).min().orElseThrow();
        this.maxLatitude = Arrays.stream(lat).max().orElseThrow();
        this.minLongitude = Arrays.stream(lon).min().orElseThrow();
        this.maxLongitude = Arrays.stream(lon).max().orElseThrow();
    }

    /**
     * Copies the vertices of a polygon or multipolygon whose rings have been checked.
     *
     * @throws IllegalArgumentException if there are more than {@link Geofence#MAX_VERTICES} vertices
     */
    static Rings of(Geometry geometry) {
        return new Rings(geometry);
    }

    int vertexCount() {
        return lon.length;
    }

    int ringCount() {
        return ringStart.length - 1;
    }

    /** The WKT text: a POLYGON or MULTIPOLYGON, longitude first, every vertex as given. */
    String toWkt() {
        StringBuilder out = new StringBuilder(multi ? "MULTIPOLYGON (" : "POLYGON ");
        for (int p = 0; p + 1 < polygonStart.length; p++) {
            out.append(p == 0 ? "(" : ", (");
            for (int r = polygonStart[p]; r < polygonStart[p + 1]; r++) {
                out.append(r == polygonStart[p] ? "(" : ", (");
                for (int i = ringStart[r]; i < ringStart[r + 1]; i++) {
                    out.append(i == ringStart[r] ? "" : ", ").append(lon[i]).append(' ').append(lat[i]);
                }
                out.append(')');
            }
            out.append(')');
        }
        return multi ? out.append(')').toString() : out.toString();
    }

    /** Polygons of rings of points, all lists unmodifiable. */
    List<List<List<GeoPoint>>> polygons() {
        List<List<List<GeoPoint>>> result = new ArrayList<>();
        for (int p = 0; p + 1 < polygonStart.length; p++) {
            List<List<GeoPoint>> polygon = new ArrayList<>();
            for (int r = polygonStart[p]; r < polygonStart[p + 1]; r++) {
                List<GeoPoint> ring = new ArrayList<>();
                for (int i = ringStart[r]; i < ringStart[r + 1]; i++) {
                    ring.add(new GeoPoint(lat[i], lon[i]));
                }
                polygon.add(List.copyOf(ring));
            }
            result.add(List.copyOf(polygon));
        }
        return List.copyOf(result);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Rings r && r.multi == multi && Arrays.equals(r.lon, lon) && Arrays.equals(r.lat, lat)
                && Arrays.equals(r.ringStart, ringStart) && Arrays.equals(r.polygonStart, polygonStart);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(lon) * 31 + Arrays.hashCode(lat);
    }
}
