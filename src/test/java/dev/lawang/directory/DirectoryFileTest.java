package dev.lawang.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lawang.geo.GeoPoint;
import dev.lawang.geo.Geofence;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DirectoryFileTest {
    /** A small valid file; the hostile cases below each break one thing in it. */
    private static final String VALID = """
            {"type": "FeatureCollection", "lawangDirectory": 1,
             "agencies": [{"id": "setda", "name": "Sekretariat Daerah"},
                          {"id": "bagian-umum", "name": "Bagian Umum", "parent": "setda"},
                          {"id": "dkk", "name": "Dinas Kesehatan"}],
             "features": [
               {"type": "Feature", "id": "setda-complex",
                "geometry": {"type": "Polygon", "coordinates": [[[111.0196, -7.4247], [111.0224, -7.4247],
                             [111.0225, -7.4281], [111.0197, -7.4282], [111.0196, -7.4247]]]},
                "properties": {"name": "Kompleks Setda", "address": "Jl. Raya Sukowati No. 255",
                               "tenants": ["bagian-umum"], "fill": "#ff0000"}},
               {"type": "Feature", "id": "dkk-sragen",
                "geometry": {"type": "Point", "coordinates": [111.029, -7.4245]},
                "properties": {"name": "Kantor DKK", "zone": "Asia/Makassar", "tenants": ["dkk"], "radius": 50}}]}
            """;

    @Test
    void read_buildsTheDirectoryTheFileDescribes() throws IOException {
        Directory dir = Directory.readGeoJson(new StringReader(VALID));
        assertThat(dir.agencies()).extracting(a -> a.id().value()).containsExactly("setda", "bagian-umum", "dkk");
        assertThat(dir.agency(AgencyId.of("bagian-umum")).orElseThrow().parent()).isEqualTo(AgencyId.of("setda"));
        Site complex = dir.site(SiteId.of("setda-complex")).orElseThrow();
        assertThat(complex.address()).contains("Jl. Raya Sukowati No. 255");
        assertThat(complex.zone()).isEqualTo(Site.DEFAULT_ZONE);
        assertThat(complex.geofence()).isEqualTo(Geofence.parseWkt("POLYGON ((111.0196 -7.4247, 111.0224 -7.4247, "
                + "111.0225 -7.4281, 111.0197 -7.4282, 111.0196 -7.4247))"));
        Site dkk = dir.site(SiteId.of("dkk-sragen")).orElseThrow();
        assertThat(dkk.geofence()).isEqualTo(Geofence.circle(GeoPoint.of(-7.4245, 111.029), 50));
        assertThat(dkk.zone().getId()).isEqualTo("Asia/Makassar");
        assertThat(dkk.address()).isEmpty();
    }

    @Test
    void writeThenRead_givesAnEqualDirectoryAndTheSameText() throws IOException {
        Directory dir = Directory.readGeoJson(new StringReader(VALID));
        StringWriter out = new StringWriter();
        dir.writeGeoJson(out);
        Directory back = Directory.readGeoJson(new StringReader(out.toString()));
        assertThat(back).isEqualTo(dir);
        assertThat(back.sites()).containsExactlyElementsOf(dir.sites());
        StringWriter again = new StringWriter();
        back.writeGeoJson(again);
        assertThat(again.toString()).isEqualTo(out.toString());
        assertThat(out.toString()).contains("\"lawangDirectory\" : 1").contains("\"radius\" : 50.0");
    }

    @Test
    void read_takesWhetherASiteRequiresRotatingCodesAndWriteKeepsIt() throws IOException {
        String rotating = VALID.replace("\"tenants\": [\"bagian-umum\"],", "\"tenants\": [\"bagian-umum\"],"
                + " \"requiresRotatingCode\": true,");
        Directory dir = Directory.readGeoJson(new StringReader(rotating));
        StringWriter out = new StringWriter();
        dir.writeGeoJson(out);

        assertThat(dir.site(SiteId.of("setda-complex")).orElseThrow().requiresRotatingCode()).isTrue();
        assertThat(dir.site(SiteId.of("dkk-sragen")).orElseThrow().requiresRotatingCode()).isFalse();
        assertThat(out.toString()).containsOnlyOnce("\"requiresRotatingCode\" : true");
        assertThat(Directory.readGeoJson(new StringReader(out.toString()))).isEqualTo(dir);
        assertThat(Directory.readGeoJson(new StringReader(VALID))).isNotEqualTo(dir);
    }

    @Test
    void read_refusesARequiresRotatingCodeThatIsNotABoolean() {
        String bad = VALID.replace("\"tenants\": [\"bagian-umum\"],", "\"tenants\": [\"bagian-umum\"],"
                + " \"requiresRotatingCode\": \"yes\",");

        assertThatThrownBy(() -> Directory.readGeoJson(new StringReader(bad)))
                .isInstanceOf(DirectoryFileException.class)
                .hasMessage("feature 1 ('setda-complex'), field 'properties.requiresRotatingCode': must be true or"
                        + " false");
    }

    @Test
    void writeThenRead_keepsHolesMultipolygonsAndFullPrecision() throws IOException {
        Agency a = Agency.of("a", "A");
        Geofence holed = Geofence.parseWkt("MULTIPOLYGON (((0.1 0.1, 0.11 0.1, 0.11 0.11, 0.1 0.11, 0.1 0.1), "
                + "(0.104 0.104, 0.106 0.104, 0.106 0.106, 0.104 0.104)), "
                + "((0.111 0.111, 0.1110000000000001 0.113, 0.113 0.113, 0.111 0.111)))");
        Site site = Site.builder(SiteId.of("s")).name("S").geofence(holed).tenants(a.id()).build();
        Directory dir = Directory.builder().agencies(a).sites(site).build();
        StringWriter out = new StringWriter();
        dir.writeGeoJson(out);
        assertThat(Directory.readGeoJson(new StringReader(out.toString()))).isEqualTo(dir);
        assertThat(out.toString()).contains("\"MultiPolygon\"").contains("0.1110000000000001");
    }

    @Test
    void write_doesNotCloseTheWriterAndReportsFailures() throws IOException {
        Directory dir = Directory.readGeoJson(new StringReader(VALID));
        boolean[] closed = {false};
        StringWriter target = new StringWriter();
        Writer watching = new java.io.FilterWriter(target) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        dir.writeGeoJson(watching);
        assertThat(closed[0]).isFalse();
        assertThat(target.toString()).startsWith("{");
        IOException diskFull = new IOException("disk full");
        Writer broken = new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                throw diskFull;
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        assertThatThrownBy(() -> dir.writeGeoJson(broken)).isSameAs(diskFull);
    }

    @Test
    void read_passesOnTheReadersOwnFailureUnwrapped() {
        IOException unplugged = new IOException("USB stick removed");
        java.io.Reader failing = new java.io.Reader() {
            private int calls;

            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                if (calls++ == 0) {
                    String start = "{\"type\": \"FeatureCollection\", ";
                    start.getChars(0, start.length(), cbuf, off);
                    return start.length();
                }
                throw unplugged;
            }

            @Override
            public void close() {}
        };
        assertThatThrownBy(() -> Directory.readGeoJson(failing)).isSameAs(unplugged);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `"type": "FeatureCollection", "lawangDirectory": 1,` | `"type": "Feature",` | field 'type' must be "FeatureCollection"
            `"lawangDirectory": 1,` | `"lawangDirectory": 2,` | field 'lawangDirectory' must be 1 (the format version): 2
            `"agencies": [` | `"agencie": [` | the collection, field 'agencies': missing or not an array
            `{"id": "dkk", "name": "Dinas Kesehatan"}` | `{"id": "dkk", "name": 7}` | agencies[2] ('dkk'), field 'name': missing or not a string
            `{"id": "dkk", "name": "Dinas Kesehatan"}` | `{"id": "DKK", "name": "Dinas Kesehatan"}` | agencies[2], field 'id': agency id must be
            `{"id": "dkk", "name": "Dinas Kesehatan"}` | `{"id": "setda", "name": "Dinas Kesehatan"}` | agencies[2] ('setda'), field 'id': agency id 'setda' appears twice
            `{"id": "dkk", "name": "Dinas Kesehatan"}` | `"dkk"` | agencies[2] must be an object with 'id' and 'name'
            `"parent": "setda"` | `"parent": "bupati"` | field 'agencies': agency 'bagian-umum' names parent 'bupati', which is not an agency of the directory
            `"parent": "setda"` | `"parent": 3` | agencies[1] ('bagian-umum'), field 'parent': not a string
            `"id": "dkk-sragen"` | `"id": "setda-complex"` | feature 2 ('setda-complex'), field 'id': site id 'setda-complex' appears twice
            `"id": "dkk-sragen"` | `"id": 17` | feature 2, field 'id': missing or not a string
            `"id": "dkk-sragen"` | `"id": "DKK Sragen"` | feature 2, field 'id': site id must be
            `"tenants": ["dkk"]` | `"tenants": ["dkk", "kejari"]` | feature 2 ('dkk-sragen'), field 'properties.tenants[1]': 'kejari' is not declared in 'agencies'
            `"tenants": ["dkk"]` | `"tenants": "dkk"` | feature 2 ('dkk-sragen'), field 'properties.tenants': must be an array of agency ids
            `"tenants": ["dkk"]` | `"tenants": [null]` | feature 2 ('dkk-sragen'), field 'properties.tenants[0]': must be a string
            `"name": "Kantor DKK"` | `"nama": "Kantor DKK"` | feature 2 ('dkk-sragen'), field 'properties.name': missing or not a string
            `"name": "Kantor DKK"` | `"name": "   "` | feature 2 ('dkk-sragen'), field 'properties.name': name of site dkk-sragen must be
            `"zone": "Asia/Makassar"` | `"zone": "Asia/Sragen"` | feature 2 ('dkk-sragen'), field 'properties.zone': Unknown time-zone ID: Asia/Sragen
            `"zone": "Asia/Makassar"` | `"zone": ["Asia/Makassar"]` | feature 2 ('dkk-sragen'), field 'properties.zone': not a string
            `"address": "Jl. Raya Sukowati No. 255"` | `"address": ""` | feature 1 ('setda-complex'), field 'properties.address': address of site setda-complex must be
            `, "radius": 50}` | `}` | feature 2 ('dkk-sragen'), field 'properties.radius': a Point site needs a radius in metres
            `"radius": 50` | `"radius": "50"` | feature 2 ('dkk-sragen'), field 'properties.radius': a Point site needs a radius in metres
            `"radius": 50` | `"radius": 50000` | feature 2 ('dkk-sragen'), field 'geometry': circle radius must be a finite number of metres in (0, 5000.0]: 50000.0
            `"tenants": ["bagian-umum"]` | `"tenants": ["bagian-umum"], "radius": 5` | feature 1 ('setda-complex'), field 'properties.radius': only a Point site has a radius
            `[111.029, -7.4245]` | `[-7.4245, 111.029]` | feature 2 ('dkk-sragen'), field 'geometry': latitude must be a finite number in [-90, 90]: 111.029
            `[111.029, -7.4245]` | `[111.029]` | feature 2 ('dkk-sragen'), field 'geometry': coordinates must be a position [longitude, latitude]: [111.029]
            `[111.029, -7.4245]` | `["111.029", -7.4245]` | feature 2 ('dkk-sragen'), field 'geometry': coordinates must be a position
            `"type": "Point"` | `"type": "LineString"` | feature 2 ('dkk-sragen'), field 'geometry': 'type' must be Polygon, MultiPolygon or Point (with a radius): LineString
            `"geometry": {"type": "Point", "coordinates": [111.029, -7.4245]},` | `"geometry": null,` | feature 2 ('dkk-sragen'), field 'geometry': missing or not a GeoJSON geometry object
            `[111.0197, -7.4282], [111.0196, -7.4247]]]` | `[111.0197, -7.4282], [111.0225, -7.4247], [111.0196, -7.4247]]]` | feature 1 ('setda-complex'), field 'geometry': invalid polygon: Self-intersection at or near longitude
            `[111.0225, -7.4281],` | `[111.0225, -7.4281], [112.5, -7.4281],` | feature 1 ('setda-complex'), field 'geometry': area is
            `[111.0225, -7.4281],` | `[111.0225, -7.4281], [111.02, -7.42, "x"],` | feature 1 ('setda-complex'), field 'geometry': coordinates[0][3] must be a position
            `[[[111.0196, -7.4247], ` | `[[7, ` | feature 1 ('setda-complex'), field 'geometry': coordinates[0][0] must be a position
            `"type": "Feature", "id": "dkk-sragen"` | `"type": "Featur", "id": "dkk-sragen"` | feature 2, field 'type': must be "Feature"
            `"properties": {"name": "Kantor DKK"` | `"properties": [], "x": {"name": "Kantor DKK"` | feature 2 ('dkk-sragen'), field 'properties': missing or not an object
            `"features": [` | `"features": {}, "f": [` | the collection, field 'features': missing or not an array
            """)
    void read_rejectsABadFileNamingTheFeatureAndTheField(String original, String replacement, String message) {
        assertThat(VALID).contains(original);
        String bad = VALID.replace(original, replacement);
        assertThatThrownBy(() -> Directory.readGeoJson(new StringReader(bad)))
                .isInstanceOf(DirectoryFileException.class)
                .hasMessageStartingWith(message);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ``                                            | the file must hold a JSON object
            `[]`                                          | the file must hold a JSON object
            `"FeatureCollection"`                         | the file must hold a JSON object
            `{"type": "FeatureCollection"`                | not a JSON document
            `{"type": "FeatureCollection"} {}`            | not a JSON document
            `{"type": "FeatureCollection", "type": "x"}`  | not a JSON document: Duplicate field 'type'
            `{"type": 'FeatureCollection'}`               | not a JSON document
            `{"type": "FeatureCollection", "lawangDirectory": 1e999999999999999999999999999999999999999999999999999999999999999999}` | not a JSON document
            """)
    void read_rejectsTextThatIsNotAJsonObject(String text, String message) {
        assertThatThrownBy(() -> Directory.readGeoJson(new StringReader(text)))
                .isInstanceOf(DirectoryFileException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void read_rejectsDeeplyNestedInputWithoutOverflowingTheStack() {
        String deep = "{\"type\": \"FeatureCollection\", \"x\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThatThrownBy(() -> Directory.readGeoJson(new StringReader(deep)))
                .isInstanceOf(DirectoryFileException.class)
                .hasMessageContaining("nesting depth");
    }

    @Test
    void read_rejectsPolygonsWithTooManyVerticesBeforeBuildingThem() {
        StringBuilder ring = new StringBuilder();
        for (int i = 0; i < Geofence.MAX_VERTICES + 1; i++) {
            ring.append(i == 0 ? "" : ", ").append("[111.02, -7.42]");
        }
        String bad = VALID.replace("[111.0225, -7.4281],", "[111.0225, -7.4281], " + ring + ",");
        assertThatThrownBy(() -> Directory.readGeoJson(new StringReader(bad)))
                .isInstanceOf(DirectoryFileException.class)
                .hasMessage("feature 1 ('setda-complex'), field 'geometry': more than 10000 vertices");
    }
}
