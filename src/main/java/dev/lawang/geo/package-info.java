/**
 * Points on the WGS84 ellipsoid, device fixes with their accuracy, and geofences.
 *
 * <p>Coordinates are always latitude then longitude in Java signatures; WKT and GeoJSON text is longitude then
 * latitude, as those formats define. Distances are metres on the WGS84 ellipsoid.
 */
@NullMarked
package dev.lawang.geo;

import org.jspecify.annotations.NullMarked;
