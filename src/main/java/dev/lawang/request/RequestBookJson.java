package dev.lawang.request;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lawang.code.CodeId;
import dev.lawang.code.SharedCode;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.geo.GeoPoint;
import dev.lawang.request.CodeRequest.Problem;
import dev.lawang.request.RequestEntry.Step;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The JSON-lines form of a {@link RequestBook}: a header line, then one object per step. Reading is strict: every
 * field required, no unknown or duplicate fields, exact types, bounded line length, and every step replayed through
 * the book's own checks.
 */
final class RequestBookJson {
    static final String FORMAT = "lawang-request-book";
    static final int VERSION = 1;
    /** Longer lines cannot come from a valid book: a request's fields are bounded well below this. */
    static final int MAX_LINE_LENGTH = 64 * 1024;
    private static final int MAX_CODE_TEXT_LENGTH = 4_096;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final Set<String> HEADER_FIELDS = Set.of("format", "version");
    private static final Set<String> STEP_FIELDS = Set.of("request", "step", "at", "actor");
    private static final Set<String> SUBMITTED_FIELDS = Set.of("requester", "site", "covering", "position",
            "staffUsers", "expectedGuestsPerDay", "photos", "contact", "notes");
    private static final Set<String> REJECTED_FIELDS = Set.of("reason");
    private static final Set<String> ISSUED_FIELDS = Set.of("code", "validFrom", "validUntil", "covering", "text");

    private RequestBookJson() {
    }

    static void writeHeader(Writer out) throws IOException {
        ObjectNode header = NODES.objectNode();
        header.put("format", FORMAT);
        header.put("version", VERSION);
        writeLine(out, header);
    }

    static void writeStep(Writer out, RequestEntry entry, int index) throws IOException {
        Step t = entry.history().get(index);
        ObjectNode o = NODES.objectNode();
        o.put("request", entry.id().number());
        o.put("step", t.state().name().toLowerCase(Locale.ROOT));
        o.put("at", t.at().toString());
        o.put("actor", t.actor());
        switch (t.state()) {
            case SUBMITTED -> {
                CodeRequest r = entry.request();
                o.put("requester", r.requester().value());
                o.put("site", r.site().value());
                o.set("covering", agencies(r.covered()));
                GeoPoint p = r.position().orElseThrow();
                ObjectNode position = o.putObject("position");
                position.put("latitude", p.latitude());
                position.put("longitude", p.longitude());
                o.put("staffUsers", r.staffUsers().orElseThrow());
                o.put("expectedGuestsPerDay", r.expectedGuestsPerDay().orElseThrow());
                ArrayNode photos = o.putArray("photos");
                r.photos().forEach(u -> photos.add(u.toString()));
                o.put("contact", r.contact().orElseThrow());
                o.put("notes", r.notes());
            }
            case APPROVED -> {
                // the step fields say it all
            }
            case REJECTED -> o.put("reason", entry.rejectionReason().orElseThrow());
            case ISSUED -> {
                SharedCode code = entry.code().orElseThrow();
                o.put("code", code.id().toString());
                o.put("validFrom", code.validFrom().toString());
                o.put("validUntil", code.validUntil().toString());
                o.set("covering", agencies(code.agencies()));
                o.put("text", entry.codeText().orElseThrow());
            }
        }
        writeLine(out, o);
    }

    private static ArrayNode agencies(Set<AgencyId> ids) {
        ArrayNode a = NODES.arrayNode();
        new TreeSet<>(ids).forEach(id -> a.add(id.value()));
        return a;
    }

    private static void writeLine(Writer out, ObjectNode node) throws IOException {
        // JsonNode.toString() is Jackson's plain JSON; unlike ObjectMapper.writeValueAsString it declares no
        // IOException of its own, so the only IOException here is the writer's.
        out.write(node.toString());
        out.write('\n');
    }

    static void read(Reader in, RequestBook book) throws IOException {
        LineReader lines = new LineReader(in);
        String first = lines.next();
        if (first == null) {
            throw new RequestBookFormatException(1, "empty input; expected the header {\"format\":\"" + FORMAT
                    + "\",\"version\":1}");
        }
        JsonNode header = parse(first, 1);
        requireFields(header, HEADER_FIELDS, 1);
        if (!header.get("format").isTextual() || !FORMAT.equals(header.get("format").textValue())) {
            throw new RequestBookFormatException(1, "field 'format' must be \"" + FORMAT + "\"");
        }
        if (!header.get("version").isInt() || header.get("version").intValue() != VERSION) {
            throw new RequestBookFormatException(1, "unsupported version " + header.get("version")
                    + "; this library reads version " + VERSION);
        }
        String line;
        while ((line = lines.next()) != null) {
            long number = lines.number();
            readStep(parse(line, number), number, book);
        }
    }

    private static void readStep(JsonNode o, long line, RequestBook book) {
        if (!o.isObject()) {
            throw new RequestBookFormatException(line, "a step must be a JSON object");
        }
        String step = text(o, "step", line);
        Set<String> fields = new HashSet<>(STEP_FIELDS);
        switch (step) {
            case "submitted" -> fields.addAll(SUBMITTED_FIELDS);
            case "approved" -> {
                // no more fields
            }
            case "rejected" -> fields.addAll(REJECTED_FIELDS);
            case "issued" -> fields.addAll(ISSUED_FIELDS);
            default -> throw new RequestBookFormatException(line, "field 'step' must be submitted, approved, rejected"
                    + " or issued");
        }
        requireFields(o, fields, line);
        JsonNode number = o.get("request");
        if (!number.isIntegralNumber() || !number.canConvertToLong() || number.longValue() < 1) {
            throw new RequestBookFormatException(line, "field 'request' must be a whole number of at least 1");
        }
        RequestId id = RequestId.of(number.longValue());
        Instant at = instant(o, "at", line);
        String actor = text(o, "actor", line);
        try {
            Step.checkActor(actor);
            switch (step) {
                case "submitted" -> submitted(o, line, book, id, at, actor);
                case "approved" -> book.recordApproved(existing(book, id, line), actor, at);
                case "rejected" -> book.recordRejected(existing(book, id, line), actor, at, text(o, "reason", line));
                default -> issued(o, line, book, existing(book, id, line), at, actor);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new RequestBookFormatException(line, "step '" + step + "' of request " + id + " is not allowed: "
                    + e.getMessage(), e);
        }
    }

    private static RequestId existing(RequestBook book, RequestId id, long line) {
        if (book.entryOrNull(id) == null) {
            throw new RequestBookFormatException(line, "request " + id + " has not been submitted");
        }
        return id;
    }

    private static void submitted(JsonNode o, long line, RequestBook book, RequestId id, Instant at, String actor) {
        long expected = book.size() + 1L;
        if (id.number() != expected) {
            throw new RequestBookFormatException(line, "request " + id + " is submitted out of order; the next request"
                    + " must be R-" + expected);
        }
        CodeRequest.Builder b = CodeRequest.builder(agency(text(o, "requester", line), "requester", line),
                site(text(o, "site", line), line));
        b.covering(agencyList(o, "covering", line));
        JsonNode position = o.get("position");
        if (!position.isObject() || position.size() != 2 || !position.path("latitude").isNumber()
                || !position.path("longitude").isNumber()) {
            throw new RequestBookFormatException(line, "field 'position' must be an object with the numbers"
                    + " 'latitude' and 'longitude'");
        }
        try {
            b.position(GeoPoint.of(position.get("latitude").doubleValue(), position.get("longitude").doubleValue()));
        } catch (IllegalArgumentException e) {
            throw new RequestBookFormatException(line, "field 'position': " + e.getMessage(), e);
        }
        b.staffUsers(integer(o, "staffUsers", line));
        b.expectedGuestsPerDay(integer(o, "expectedGuestsPerDay", line));
        JsonNode photos = array(o, "photos", line);
        List<URI> uris = new ArrayList<>();
        for (int i = 0; i < photos.size(); i++) {
            if (!photos.get(i).isTextual()) {
                throw new RequestBookFormatException(line, "field 'photos' must hold strings only");
            }
            try {
                uris.add(new URI(photos.get(i).textValue()));
            } catch (URISyntaxException e) {
                // The address is not repeated: it may carry a secret.
                throw new RequestBookFormatException(line, "photo " + (i + 1) + " is not a valid URI");
            }
        }
        b.photos(uris);
        b.contact(text(o, "contact", line));
        b.notes(text(o, "notes", line));
        CodeRequest request = b.build();
        List<Problem> problems = book.problemsWithoutDirectory(request);
        if (!problems.isEmpty()) {
            throw new RequestBookFormatException(line, "request " + id + " has problems: " + problems.stream()
                    .map(Problem::key).toList());
        }
        book.recordSubmitted(request, actor, at, () -> book.problemsWithoutDirectory(request));
    }

    private static void issued(JsonNode o, long line, RequestBook book, RequestId id, Instant at, String actor) {
        RequestEntry entry = book.entryOrNull(id);
        if (entry == null) {
            throw new RequestBookFormatException(line, "request " + id + " has not been submitted");
        }
        CodeId codeId;
        try {
            codeId = CodeId.parse(text(o, "code", line));
        } catch (IllegalArgumentException e) {
            throw new RequestBookFormatException(line, "field 'code': " + e.getMessage(), e);
        }
        String text = text(o, "text", line);
        // Base45 text includes the space; the payload format never leaves printable ASCII.
        if (text.isBlank() || text.length() > MAX_CODE_TEXT_LENGTH
                || !text.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw new RequestBookFormatException(line, "field 'text' must be 1 to " + MAX_CODE_TEXT_LENGTH
                    + " printable ASCII characters, not blank");
        }
        SharedCode code = SharedCode.builder(entry.request().site()).id(codeId).issuedAt(at.truncatedTo(ChronoUnit.SECONDS))
                .covering(agencyList(o, "covering", line))
                .validFrom(instant(o, "validFrom", line)).validUntil(instant(o, "validUntil", line)).build();
        book.recordIssued(id, actor, at, code, text);
    }

    private static JsonNode parse(String line, long number) {
        try {
            return MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the offending text, which may be a contact address: only the column.
            JsonLocation where = e.getLocation();
            throw new RequestBookFormatException(number, "not valid JSON"
                    + (where == null ? "" : " (near column " + where.getColumnNr() + ")"));
        }
    }

    private static void requireFields(JsonNode o, Set<String> fields, long line) {
        if (!o.isObject()) {
            throw new RequestBookFormatException(line, "expected a JSON object");
        }
        for (String f : new TreeSet<>(fields)) {
            if (!o.has(f)) {
                throw new RequestBookFormatException(line, "field '" + f + "' is missing");
            }
        }
        for (Iterator<String> names = o.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!fields.contains(name)) {
                String shown = name.length() <= 40 ? name : name.substring(0, 40) + "...";
                throw new RequestBookFormatException(line, "unknown field '" + shown + "'");
            }
        }
    }

    private static String text(JsonNode o, String field, long line) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) {
            throw new RequestBookFormatException(line, "field '" + field + "' must be a string");
        }
        return v.textValue();
    }

    private static int integer(JsonNode o, String field, long line) {
        JsonNode v = o.get(field);
        if (!v.isInt()) {
            throw new RequestBookFormatException(line, "field '" + field + "' must be a whole number");
        }
        return v.intValue();
    }

    private static JsonNode array(JsonNode o, String field, long line) {
        JsonNode v = o.get(field);
        if (!v.isArray()) {
            throw new RequestBookFormatException(line, "field '" + field + "' must be an array");
        }
        return v;
    }

    private static Instant instant(JsonNode o, String field, long line) {
        String value = text(o, field, line);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            String shown = value.length() <= 40 ? value : value.substring(0, 40) + "...";
            throw new RequestBookFormatException(line, "field '" + field + "' must be an ISO-8601 instant such as"
                    + " 2021-12-15T02:00:00Z: '" + shown + "'", e);
        }
    }

    private static List<AgencyId> agencyList(JsonNode o, String field, long line) {
        JsonNode a = array(o, field, line);
        if (a.isEmpty() || a.size() > SharedCode.MAX_AGENCIES) {
            throw new RequestBookFormatException(line, "field '" + field + "' must list 1 to "
                    + SharedCode.MAX_AGENCIES + " agencies");
        }
        List<AgencyId> out = new ArrayList<>();
        for (JsonNode n : a) {
            if (!n.isTextual()) {
                throw new RequestBookFormatException(line, "field '" + field + "' must hold strings only");
            }
            out.add(agency(n.textValue(), field, line));
        }
        if (new HashSet<>(out).size() != out.size()) {
            throw new RequestBookFormatException(line, "field '" + field + "' lists an agency twice");
        }
        return out;
    }

    private static AgencyId agency(String value, String field, long line) {
        try {
            return AgencyId.of(value);
        } catch (IllegalArgumentException e) {
            throw new RequestBookFormatException(line, "field '" + field + "': " + e.getMessage(), e);
        }
    }

    private static SiteId site(String value, long line) {
        try {
            return SiteId.of(value);
        } catch (IllegalArgumentException e) {
            throw new RequestBookFormatException(line, "field 'site': " + e.getMessage(), e);
        }
    }

    /** Reads lines of at most {@link #MAX_LINE_LENGTH} characters, ending in LF or CRLF, without reading further. */
    private static final class LineReader {
        private final Reader in;
        private long number;
        private boolean ended;

        LineReader(Reader in) {
            this.in = in instanceof BufferedReader ? in : new BufferedReader(in);
        }

        long number() {
            return number;
        }

        @Nullable String next() throws IOException {
            if (ended) {
                return null;
            }
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (sb.length() == MAX_LINE_LENGTH) {
                    throw new RequestBookFormatException(number + 1, "line longer than " + MAX_LINE_LENGTH
                            + " characters");
                }
                sb.append((char) c);
            }
            if (c == -1) {
                ended = true;
                if (sb.isEmpty()) {
                    return null;
                }
            }
            number++;
            if (!sb.isEmpty() && sb.charAt(sb.length() - 1) == '\r') {
                sb.setLength(sb.length() - 1);
            }
            return sb.toString();
        }
    }
}
