package dev.lawang.geo;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Reads the input of an area, WKT text or a ring of points, into a JTS polygon or multipolygon whose every ring has
 * passed {@link AreaRules#checkRing}. The whole-area rules are left to {@link Geofence.Area}.
 *
 * <p>Stateless and thread-safe.
 */
final class AreaReader {
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private AreaReader() {}

    /** See {@link Geofence#polygon(List)}. */
    static Polygon ring(List<GeoPoint> ring) {
        Objects.requireNonNull(ring, "ring");
        Coordinate[] coordinates = new Coordinate[ring.size() + 1];
        for (int i = 0; i < ring.size(); i++) {
            GeoPoint p = Objects.requireNonNull(ring.get(i), "ring point");
            coordinates[i] = new Coordinate(p.longitude(), p.latitude());
        }
        int n = ring.size();
        if (n > 0 && coordinates[0].equals2D(coordinates[n - 1])) {
            coordinates = Arrays.copyOf(coordinates, n);
        } else if (n > 0) {
            coordinates[n] = coordinates[0].copy();
        } else {
            throw new IllegalArgumentException("polygon ring has no points; it needs at least 3 distinct points");
        }
        AreaRules.checkRing(coordinates, "polygon ring");
        return FACTORY.createPolygon(coordinates);
    }

    /** See {@link Geofence#parseWkt(String)}. */
    static Geometry wkt(String wkt) {
        Objects.requireNonNull(wkt, "wkt");
        if (wkt.length() > Geofence.MAX_WKT_LENGTH) {
            throw new IllegalArgumentException("WKT text is " + wkt.length() + " characters; at most "
                    + Geofence.MAX_WKT_LENGTH + " are accepted");
        }
        checkNothingTrails(wkt);
        Geometry geometry;
        try {
            geometry = new WKTReader(FACTORY).read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not valid WKT: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // JTS signals some malformed rings with unchecked exceptions.
            String why = e.getMessage();
            throw new IllegalArgumentException("not valid WKT: " + (why == null ? e.getClass().getSimpleName() : why),
                    e);
        }
        if (!(geometry instanceof Polygon) && !(geometry instanceof MultiPolygon)) {
            throw new IllegalArgumentException("WKT must be a POLYGON or MULTIPOLYGON, not " + geometry.getGeometryType());
        }
        if (geometry.isEmpty()) {
            throw new IllegalArgumentException("WKT " + geometry.getGeometryType() + " is empty");
        }
        for (int p = 0; p < geometry.getNumGeometries(); p++) {
            Polygon polygon = (Polygon) geometry.getGeometryN(p);
            String where = geometry instanceof MultiPolygon ? "polygon " + (p + 1) + ", " : "";
            AreaRules.checkRing(polygon.getExteriorRing().getCoordinates(), where + "exterior ring");
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                AreaRules.checkRing(polygon.getInteriorRingN(h).getCoordinates(), where + "hole " + (h + 1));
            }
        }
        return geometry;
    }

    /** JTS stops reading at the end of the first geometry; anything after it is an error here. */
    private static void checkNothingTrails(String wkt) {
        int depth = 0;
        for (int i = 0; i < wkt.length(); i++) {
            char c = wkt.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0 && !wkt.substring(i + 1).isBlank()) {
                    throw new IllegalArgumentException("not valid WKT: text after the geometry at character "
                            + (i + 2));
                }
                if (depth < 0) {
                    throw new IllegalArgumentException("not valid WKT: unbalanced ')' at character " + (i + 1));
                }
            }
        }
    }
}
