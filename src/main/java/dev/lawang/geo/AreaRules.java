package dev.lawang.geo;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * The rules every area keeps, each a check that throws {@link IllegalArgumentException} with a message that says
 * what and where. {@link AreaReader} checks each ring as it reads it; {@link Geofence.Area} checks the whole area as
 * it builds it, cheap bounds before the topology.
 */
final class AreaRules {
    private AreaRules() {}

    /**
     * A ring's vertices are valid coordinates within {@link Geofence#MAX_ABS_LATITUDE} of the equator, the ring does
     * not cross the antimeridian, and it has at least 3 distinct points.
     */
    static void checkRing(Coordinate[] ring, String where) {
        double minLon = Double.POSITIVE_INFINITY;
        double maxLon = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ring.length; i++) {
            Coordinate c = ring[i];
            try {
                GeoPoint.checkLatitude(c.y);
                GeoPoint.checkLongitude(c.x);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ", vertex " + (i + 1) + ": " + e.getMessage(), e);
            }
            if (Math.abs(c.y) > Geofence.MAX_ABS_LATITUDE) {
                throw new IllegalArgumentException(where + ", vertex " + (i + 1) + ": latitude " + c.y
                        + " is beyond " + Geofence.MAX_ABS_LATITUDE + " degrees, where geofences are not supported");
            }
            minLon = Math.min(minLon, c.x);
            maxLon = Math.max(maxLon, c.x);
        }
        if (maxLon - minLon > 180) {
            throw new IllegalArgumentException(where + " crosses the antimeridian (longitudes from " + minLon + " to "
                    + maxLon + "); areas must lie on one side of it");
        }
        long distinct = Arrays.stream(ring).map(c -> List.of(c.x, c.y)).distinct().count();
        if (distinct < 3) {
            throw new IllegalArgumentException(where + " has " + distinct + " distinct points; at least 3 are needed");
        }
    }

    /** Checked before the vertices are copied, so that an oversized area costs nothing more. */
    static void checkVertexCount(int vertices) {
        if (vertices > Geofence.MAX_VERTICES) {
            throw new IllegalArgumentException("area has " + vertices + " vertices; at most " + Geofence.MAX_VERTICES
                    + " are accepted");
        }
    }

    /** Each ring keeps to one side of the antimeridian, and so must all the polygons of a multipolygon. */
    static void checkAntimeridian(Rings rings) {
        if (rings.maxLongitude - rings.minLongitude > 180) {
            throw new IllegalArgumentException("area crosses the antimeridian (longitudes from " + rings.minLongitude
                    + " to " + rings.maxLongitude + "); areas must lie on one side of it");
        }
    }

    /**
     * The bounding box is at most {@link Geofence#MAX_EXTENT_METERS} wide, measured at the latitude nearest the
     * equator where it is widest, and as high, measured in the area's local frame.
     */
    static void checkExtent(Rings rings, double heightMeters) {
        double equatorward = rings.minLatitude <= 0 && rings.maxLatitude >= 0
                ? 0 : Math.min(Math.abs(rings.minLatitude), Math.abs(rings.maxLatitude));
        double width = (rings.maxLongitude - rings.minLongitude) * GeoPoint.metresPerDegreeLongitude(equatorward);
        if (width > Geofence.MAX_EXTENT_METERS || heightMeters > Geofence.MAX_EXTENT_METERS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "area is %.0f m wide and %.0f m high; at most %.0f m each way is accepted", width, heightMeters,
                    Geofence.MAX_EXTENT_METERS));
        }
    }

    /** No self-intersection, holes inside their shell, polygons of a multipolygon not overlapping. */
    static void checkValid(Geometry geometry) {
        TopologyValidationError error = new IsValidOp(geometry).getValidationError();
        if (error != null) {
            Coordinate at = error.getCoordinate();
            throw new IllegalArgumentException("invalid polygon: " + error.getMessage()
                    + (at == null ? "" : " at or near longitude " + at.x + ", latitude " + at.y));
        }
    }
}
