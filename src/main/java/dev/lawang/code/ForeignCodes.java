package dev.lawang.code;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Other systems' codes, recognised by their shape only, so that a host is told "another system's code" instead of
 * "damaged". Nothing in such a text is decoded: it may carry personal data (a health certificate does).
 */
final class ForeignCodes {
    /** A prefix and the system it belongs to. */
    private record Shape(String prefix, boolean ignoreCase, String system) {
        boolean matches(String text) {
            return text.regionMatches(ignoreCase, 0, prefix, 0, prefix.length()) && text.length() > prefix.length();
        }
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("HC1:", false, "an EU Digital COVID Certificate"),
            new Shape("UKC19TRACING:", false, "an NHS COVID-19 venue poster"),
            new Shape("NZCOVIDTRACER:", false, "a New Zealand COVID Tracer poster"),
            new Shape("https://e.coronawarn.app?v=1#", true, "a Corona-Warn-App event poster"),
            new Shape("https://e.coronawarn.app/?v=1#", true, "a Corona-Warn-App event poster"));

    private ForeignCodes() {}

    /**
     * Names the system whose code a text looks like.
     *
     * @return the system's name with its article, or null if the text has none of the known shapes
     */
    static @Nullable String system(String text) {
        for (Shape shape : SHAPES) {
            if (shape.matches(text)) {
                return shape.system;
            }
        }
        return null;
    }
}
