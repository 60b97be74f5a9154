package dev.lawang.directory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lawang.geo.GeoPoint;
import dev.lawang.geo.Geofence;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The GeoJSON directory file (docs/directory-file.md): a FeatureCollection whose features are sites and whose
 * foreign member {@code agencies} declares the agencies. Reading builds nothing until the whole file has been
 * checked.
 */
final class DirectoryFile {
    /** The format version this code reads and writes. */
    static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(32)
                    .maxStringLength(Geofence.MAX_WKT_LENGTH)
                    .maxNumberLength(64)
                    .build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            // The caller owns the reader and the writer.
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);

    private DirectoryFile() {}

    /** Jackson's own parse errors are format errors; any other {@code IOException} is the reader's, passed on. */
    static Directory read(Reader reader) throws IOException {
        JsonNode root;
        try (JsonParser parser = MAPPER.createParser(reader)) {
            root = MAPPER.readTree(parser);
        } catch (JsonProcessingException e) {
            throw new DirectoryFileException("not a JSON document: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr()), e);
        }
        if (root == null || !root.isObject()) {
            throw new DirectoryFileException("the file must hold a JSON object (a GeoJSON FeatureCollection)");
        }
        if (!"FeatureCollection".equals(root.path("type").textValue())) {
            throw new DirectoryFileException("field 'type' must be \"FeatureCollection\"");
        }
        JsonNode version = root.get("lawangDirectory");
        if (version != null && !(version.isIntegralNumber() && version.asInt() == VERSION && version.canConvertToInt())) {
            throw new DirectoryFileException("field 'lawangDirectory' must be " + VERSION + " (the format version): "
                    + abbreviate(version.toString()));
        }
        List<Agency> agencies = readAgencies(array(root, "agencies", "the collection"));
        Set<AgencyId> agencyIds = new HashSet<>();
        for (Agency a : agencies) {
            agencyIds.add(a.id());
        }
        JsonNode features = array(root, "features", "the collection");
        List<Site> sites = new ArrayList<>(features.size());
        Set<SiteId> siteIds = new HashSet<>();
        for (int i = 0; i < features.size(); i++) {
            Site site = readSite(features.get(i), i + 1, agencyIds);
            if (!siteIds.add(site.id())) {
                throw new DirectoryFileException("feature " + (i + 1) + " ('" + site.id() + "'), field 'id': site id '"
                        + site.id() + "' appears twice");
            }
            sites.add(site);
        }
        try {
            return Directory.builder().agencies(agencies).sites(sites).build();
        } catch (IllegalArgumentException e) {
            throw new DirectoryFileException("field 'agencies': " + e.getMessage(), e);
        }
    }

    private static List<Agency> readAgencies(JsonNode array) {
        List<Agency> agencies = new ArrayList<>(array.size());
        Set<AgencyId> seen = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode node = array.get(i);
            String where = "agencies[" + i + "]";
            if (!node.isObject()) {
                throw new DirectoryFileException(where + " must be an object with 'id' and 'name'");
            }
            String id = text(node, "id", where);
            AgencyId agencyId;
            try {
                agencyId = AgencyId.of(id);
            } catch (IllegalArgumentException e) {
                throw new DirectoryFileException(where + ", field 'id': " + e.getMessage(), e);
            }
            where = where + " ('" + id + "')";
            if (!seen.add(agencyId)) {
                throw new DirectoryFileException(where + ", field 'id': agency id '" + id + "' appears twice");
            }
            String name = text(node, "name", where);
            String parent = optionalText(node, "parent", where, "");
            try {
                Agency agency = Agency.of(agencyId, name);
                agencies.add(parent == null ? agency : agency.withParent(AgencyId.of(parent)));
            } catch (IllegalArgumentException e) {
                throw new DirectoryFileException(where + ", field '" + (parent == null ? "name" : "name' or 'parent")
                        + "': " + e.getMessage(), e);
            }
        }
        return agencies;
    }

    private static Site readSite(JsonNode feature, int number, Set<AgencyId> agencyIds) {
        String where = "feature " + number;
        if (!feature.isObject()) {
            throw new DirectoryFileException(where + " must be a GeoJSON Feature object");
        }
        if (!"Feature".equals(feature.path("type").textValue())) {
            throw new DirectoryFileException(where + ", field 'type': must be \"Feature\"");
        }
        String id = text(feature, "id", where);
        SiteId siteId;
        try {
            siteId = SiteId.of(id);
        } catch (IllegalArgumentException e) {
            throw new DirectoryFileException(where + ", field 'id': " + e.getMessage(), e);
        }
        where = where + " ('" + id + "')";
        JsonNode properties = feature.get("properties");
        if (properties == null || !properties.isObject()) {
            throw new DirectoryFileException(where + ", field 'properties': missing or not an object");
        }
        Site.Builder builder = Site.builder(siteId);
        String field = "properties.name";
        try {
            builder.name(text(properties, "name", where, "properties."));
            String address = optionalText(properties, "address", where, "properties.");
            field = "properties.address";
            if (address != null) {
                builder.address(address);
            }
            field = "properties.zone";
            String zone = optionalText(properties, "zone", where, "properties.");
            if (zone != null) {
                builder.zone(ZoneId.of(zone));
            }
            JsonNode rotating = properties.get("requiresRotatingCode");
            if (rotating != null) {
                if (!rotating.isBoolean()) {
                    throw new DirectoryFileException(where + ", field 'properties.requiresRotatingCode': must be"
                            + " true or false");
                }
                builder.requiresRotatingCode(rotating.booleanValue());
            }
            field = "geometry";
            builder.geofence(geofence(feature.get("geometry"), properties, where));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new DirectoryFileException(where + ", field '" + field + "': " + e.getMessage(), e);
        }
        JsonNode tenants = properties.get("tenants");
        if (tenants != null) {
            if (!tenants.isArray()) {
                throw new DirectoryFileException(where + ", field 'properties.tenants': must be an array of agency ids");
            }
            for (int t = 0; t < tenants.size(); t++) {
                String tenantField = where + ", field 'properties.tenants[" + t + "]'";
                JsonNode tenant = tenants.get(t);
                if (!tenant.isTextual()) {
                    throw new DirectoryFileException(tenantField + ": must be a string");
                }
                AgencyId agency;
                try {
                    agency = AgencyId.of(tenant.textValue());
                } catch (IllegalArgumentException e) {
                    throw new DirectoryFileException(tenantField + ": " + e.getMessage(), e);
                }
                if (!agencyIds.contains(agency)) {
                    throw new DirectoryFileException(tenantField + ": '" + agency
                            + "' is not declared in 'agencies'");
                }
                builder.tenants(agency);
            }
        }
        return builder.build();
    }

    private static Geofence geofence(@Nullable JsonNode geometry, JsonNode properties, String where) {
        if (geometry == null || !geometry.isObject()) {
            throw new IllegalArgumentException("missing or not a GeoJSON geometry object");
        }
        String type = geometry.path("type").textValue();
        JsonNode coordinates = geometry.get("coordinates");
        if (coordinates == null || !coordinates.isArray()) {
            throw new IllegalArgumentException("'coordinates' missing or not an array");
        }
        if (!"Point".equals(type) && !"Polygon".equals(type) && !"MultiPolygon".equals(type)) {
            throw new IllegalArgumentException("'type' must be Polygon, MultiPolygon or Point (with a radius): "
                    + (type == null ? geometry.path("type").toString() : abbreviate(type)));
        }
        JsonNode radius = properties.get("radius");
        if ("Point".equals(type)) {
            if (radius == null || !radius.isNumber()) {
                throw new DirectoryFileException(where + ", field 'properties.radius': a Point site needs a radius in"
                        + " metres");
            }
            double[] position = position(coordinates, "coordinates");
            return Geofence.circle(GeoPoint.of(position[1], position[0]), radius.doubleValue());
        }
        if (radius != null) {
            throw new DirectoryFileException(where + ", field 'properties.radius': only a Point site has a radius");
        }
        StringBuilder wkt = new StringBuilder();
        int[] vertices = {0};
        if ("Polygon".equals(type)) {
            wkt.append("POLYGON ");
            appendPolygon(wkt, coordinates, "coordinates", vertices);
        } else {
            wkt.append("MULTIPOLYGON (");
            for (int p = 0; p < coordinates.size(); p++) {
                wkt.append(p == 0 ? "" : ", ");
                appendPolygon(wkt, coordinates.get(p), "coordinates[" + p + "]", vertices);
            }
            wkt.append(')');
        }
        return Geofence.parseWkt(wkt.toString());
    }

    private static void appendPolygon(StringBuilder wkt, JsonNode rings, String path, int[] vertices) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException(path + " must be a non-empty array of rings");
        }
        wkt.append('(');
        for (int r = 0; r < rings.size(); r++) {
            JsonNode ring = rings.get(r);
            String ringPath = path + "[" + r + "]";
            if (!ring.isArray()) {
                throw new IllegalArgumentException(ringPath + " must be an array of positions");
            }
            vertices[0] += ring.size();
            if (vertices[0] > Geofence.MAX_VERTICES) {
                throw new IllegalArgumentException("more than " + Geofence.MAX_VERTICES + " vertices");
            }
            wkt.append(r == 0 ? "(" : ", (");
            for (int i = 0; i < ring.size(); i++) {
                double[] position = position(ring.get(i), ringPath + "[" + i + "]");
                wkt.append(i == 0 ? "" : ", ").append(position[0]).append(' ').append(position[1]);
            }
            wkt.append(')');
        }
        wkt.append(')');
    }

    private static double[] position(JsonNode node, String path) {
        if (!node.isArray() || node.size() < 2 || node.size() > 3 || !node.get(0).isNumber()
                || !node.get(1).isNumber() || (node.size() == 3 && !node.get(2).isNumber())) {
            throw new IllegalArgumentException(path + " must be a position [longitude, latitude]: "
                    + abbreviate(node.toString()));
        }
        return new double[] {node.get(0).doubleValue(), node.get(1).doubleValue()};
    }

    private static JsonNode array(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new DirectoryFileException(where + ", field '" + field + "': missing or not an array");
        }
        return value;
    }

    private static String text(JsonNode node, String field, String where) {
        return text(node, field, where, "");
    }

    private static String text(JsonNode node, String field, String where, String prefix) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new DirectoryFileException(where + ", field '" + prefix + field + "': missing or not a string");
        }
        return value.textValue();
    }

    private static @Nullable String optionalText(JsonNode node, String field, String where, String prefix) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new DirectoryFileException(where + ", field '" + prefix + field + "': not a string");
        }
        return value.textValue();
    }

    private static String abbreviate(String text) {
        return AgencyId.abbreviate(text);
    }

    static void write(Directory directory, Writer writer) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        root.put("type", "FeatureCollection");
        root.put("lawangDirectory", VERSION);
        ArrayNode agencies = root.putArray("agencies");
        for (Agency a : directory.agencies()) {
            ObjectNode node = agencies.addObject().put("id", a.id().value()).put("name", a.name());
            AgencyId parent = a.parent();
            if (parent != null) {
                node.put("parent", parent.value());
            }
        }
        ArrayNode features = root.putArray("features");
        for (Site site : directory.sites()) {
            ObjectNode feature = features.addObject();
            feature.put("type", "Feature");
            feature.put("id", site.id().value());
            ObjectNode geometry = feature.putObject("geometry");
            ObjectNode properties = nodes.objectNode();
            properties.put("name", site.name());
            site.address().ifPresent(a -> properties.put("address", a));
            properties.put("zone", site.zone().getId());
            ArrayNode tenants = properties.putArray("tenants");
            site.tenants().forEach(t -> tenants.add(t.value()));
            if (site.requiresRotatingCode()) {
                properties.put("requiresRotatingCode", true);
            }
            if (site.geofence() instanceof Geofence.Circle circle) {
                geometry.put("type", "Point");
                putPosition(geometry.putArray("coordinates"), circle.centre());
                properties.put("radius", circle.radiusMeters());
            } else if (site.geofence() instanceof Geofence.Area area) {
                geometry.put("type", area.isMulti() ? "MultiPolygon" : "Polygon");
                ArrayNode coordinates = geometry.putArray("coordinates");
                for (List<List<GeoPoint>> polygon : area.polygons()) {
                    ArrayNode rings = area.isMulti() ? coordinates.addArray() : coordinates;
                    for (List<GeoPoint> ring : polygon) {
                        ArrayNode positions = rings.addArray();
                        ring.forEach(p -> putPosition(positions.addArray(), p));
                    }
                }
            }
            feature.set("properties", properties);
        }
        MAPPER.writeValue(writer, root);
        writer.flush();
    }

    private static void putPosition(ArrayNode array, GeoPoint point) {
        array.add(point.longitude()).add(point.latitude());
    }
}
