package dev.lawang.geo;

/**
 * A point on the WGS84 ellipsoid: latitude and longitude in decimal degrees.
 *
 * <p>Java signatures in Lawang always take latitude first; WKT and GeoJSON text is longitude first, as those formats
 * define. Latitude is in [-90, 90], longitude in [-180, 180]; both must be finite.
 *
 * <p>Immutable and thread-safe.
 *
 * @param latitude degrees north of the equator, negative south, from -90 to 90, finite
 * @param longitude degrees east of Greenwich, negative west, from -180 to 180, finite
 */
public record GeoPoint(double latitude, double longitude) {
    /** WGS84 semi-major axis in metres. */
    static final double WGS84_A = 6_378_137.0;
    /** WGS84 flattening. */
    static final double WGS84_F = 1 / 298.257223563;
    /** WGS84 semi-minor axis in metres. */
    static final double WGS84_B = WGS84_A * (1 - WGS84_F);
    /** First eccentricity squared. */
    static final double WGS84_E2 = WGS84_F * (2 - WGS84_F);

    private static final int MAX_ITERATIONS = 200;

    /**
     * Validates the coordinates.
     *
     * @param latitude degrees north, from -90 to 90, finite
     * @param longitude degrees east, from -180 to 180, finite
     * @throws IllegalArgumentException if a value is NaN, infinite or out of range; the message names it
     */
    public GeoPoint {
        checkLatitude(latitude);
        checkLongitude(longitude);
    }

    /**
     * Returns the point at the given latitude and longitude (in that order).
     *
     * @param latitude degrees north, from -90 to 90, finite
     * @param longitude degrees east, from -180 to 180, finite
     * @return the point
     * @throws IllegalArgumentException if a value is NaN, infinite or out of range
     */
    public static GeoPoint of(double latitude, double longitude) {
        return new GeoPoint(latitude, longitude);
    }

    static void checkLatitude(double latitude) {
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("latitude must be a finite number in [-90, 90]: " + latitude);
        }
    }

    static void checkLongitude(double longitude) {
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("longitude must be a finite number in [-180, 180]: " + longitude);
        }
    }

    /**
     * Returns the geodesic distance to another point in metres on the WGS84 ellipsoid.
     *
     * <p>Uses Vincenty's inverse method: for points up to 19,900 km apart the result is within 0.1 mm of the
     * geodesic distance (as GeographicLib computes it). Farther apart the points are nearly antipodal (half the
     * meridian is 20,004 km), the method may not converge, and where it does not a spherical estimate is returned
     * instead; there the result is within 0.2 % of the geodesic distance.
     *
     * @param other the other point
     * @return the distance in metres, {@code >= 0}
     */
    public double distanceTo(GeoPoint other) {
        return distance(latitude, longitude, other.latitude, other.longitude);
    }

    static double distance(double lat1, double lon1, double lat2, double lon2) {
        if (lat1 == lat2 && lon1 == lon2) {
            return 0;
        }
        double f = WGS84_F;
        double l = Math.toRadians(lon2 - lon1);
        double u1 = Math.atan((1 - f) * Math.tan(Math.toRadians(lat1)));
        double u2 = Math.atan((1 - f) * Math.tan(Math.toRadians(lat2)));
        double sinU1 = Math.sin(u1);
        double cosU1 = Math.cos(u1);
        double sinU2 = Math.sin(u2);
        double cosU2 = Math.cos(u2);
        double lambda = l;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double sinLambda = Math.sin(lambda);
            double cosLambda = Math.cos(lambda);
            double a = cosU2 * sinLambda;
            double b = cosU1 * sinU2 - sinU1 * cosU2 * cosLambda;
            double sinSigma = Math.sqrt(a * a + b * b);
            if (sinSigma == 0) {
                return 0;
            }
            double cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
            double sigma = Math.atan2(sinSigma, cosSigma);
            double sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            double cos2Alpha = 1 - sinAlpha * sinAlpha;
            // On the equator cos2Alpha is 0 and the term vanishes.
            double cos2SigmaM = cos2Alpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cos2Alpha;
            double c = f / 16 * cos2Alpha * (4 + f * (4 - 3 * cos2Alpha));
            double previous = lambda;
            lambda = l + (1 - c) * f * sinAlpha
                    * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
            if (Math.abs(lambda - previous) < 1e-12) {
                double uSq = cos2Alpha * (WGS84_A * WGS84_A - WGS84_B * WGS84_B) / (WGS84_B * WGS84_B);
                double bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
                double bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
                double deltaSigma = bigB * sinSigma * (cos2SigmaM + bigB / 4 * (cosSigma * (-1 + 2 * cos2SigmaM
                        * cos2SigmaM) - bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma)
                        * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
                return WGS84_B * bigA * (sigma - deltaSigma);
            }
        }
        return sphericalDistance(lat1, lon1, lat2, lon2);
    }

    /** Haversine on a sphere of the ellipsoid's mean radius; used only where Vincenty does not converge. */
    private static double sphericalDistance(double lat1, double lon1, double lat2, double lon2) {
        double meanRadius = (2 * WGS84_A + WGS84_B) / 3;
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * meanRadius * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Metres per degree of latitude at a latitude (the meridional radius of curvature). */
    static double metresPerDegreeLatitude(double latitude) {
        double s = Math.sin(Math.toRadians(latitude));
        double w = 1 - WGS84_E2 * s * s;
        return Math.toRadians(WGS84_A * (1 - WGS84_E2) / (w * Math.sqrt(w)));
    }

    /** Metres per degree of longitude at a latitude (the prime-vertical radius times the cosine). */
    static double metresPerDegreeLongitude(double latitude) {
        double phi = Math.toRadians(latitude);
        double s = Math.sin(phi);
        return Math.toRadians(WGS84_A / Math.sqrt(1 - WGS84_E2 * s * s) * Math.cos(phi));
    }

    /**
     * Returns the point as WKT ({@code POINT (longitude latitude)}), longitude first as WKT defines.
     *
     * @return the WKT text
     */
    public String toWkt() {
        return "POINT (" + longitude + " " + latitude + ")";
    }
}
