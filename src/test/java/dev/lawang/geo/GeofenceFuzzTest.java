package dev.lawang.geo;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

class GeofenceFuzzTest {
    /** Any text either parses to an area that prints back to an equal area, or fails with IllegalArgumentException. */
    @FuzzTest(maxDuration = "30s")
    void parseWkt_acceptsOnlyValidAreasAndNeverThrowsAnythingElse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Geofence.Area area;
        try {
            area = Geofence.parseWkt(text);
        } catch (IllegalArgumentException expected) {
            return;
        }
        assertThat(Geofence.parseWkt(area.toWkt())).isEqualTo(area);
        assertThat(area.covers(area.interiorPoint())).isTrue();
        assertThat(area.locate(Fix.of(area.interiorPoint(), 1))).isNotNull();
    }
}
