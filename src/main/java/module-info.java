/**
 * Lawang: QR-code check-in for government offices.
 *
 * <p>Agencies and sites ({@code dev.lawang.directory}), geofences ({@code dev.lawang.geo}), signed shared codes
 * ({@code dev.lawang.code}) and their QR images ({@code dev.lawang.qr}), capacity rules and the occupancy ledger
 * ({@code dev.lawang.capacity}), booked face-to-face service ({@code dev.lawang.booking}), visits
 * ({@code dev.lawang.visit}), code requests and coverage ({@code dev.lawang.request}), PostgreSQL storage
 * ({@code dev.lawang.jdbc}), the check-in flow that ties them together ({@code dev.lawang}), its metrics for
 * Micrometer ({@code dev.lawang.micrometer}, optional), and the offline kiosk and its journal
 * ({@code dev.lawang.kiosk}).
 */
module dev.lawang {
    requires static transitive org.jspecify;
    requires org.slf4j;
    requires org.locationtech.jts;
    requires com.google.zxing;
    requires com.fasterxml.jackson.databind;
    requires static java.desktop;
    requires static micrometer.core;
    requires transitive java.sql;

    exports dev.lawang;
    exports dev.lawang.booking;
    exports dev.lawang.code;
    exports dev.lawang.capacity;
    exports dev.lawang.directory;
    exports dev.lawang.geo;
    exports dev.lawang.jdbc;
    exports dev.lawang.kiosk;
    exports dev.lawang.micrometer;
    exports dev.lawang.qr;
    exports dev.lawang.request;
    exports dev.lawang.visit;
}
