package dev.lawang.request;

import java.util.Map;
import java.util.Objects;

/**
 * One thing missing or wrong in a {@link CodeRequest}, in plain words.
 *
 * <p>The {@link #key()} is stable across versions, so a host can look up its own translation of the message, and
 * the {@link #arguments()} carry the values the message mentions (a distance in metres, a request id, an agency id).
 * The {@link #message()} is English and never contains the contact e-mail address or a photo address, which may
 * carry personal data or secrets.
 *
 * <p>The keys Lawang uses are listed in {@code docs/requests.md}; each starts with the {@link #field()} it concerns,
 * such as {@code position.outsideGeofence} or {@code contact.malformed}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param field the builder field concerned, such as {@code "position"}
 * @param key a stable key a host can translate, such as {@code "position.outsideGeofence"}
 * @param message what is wrong and what is expected, in plain English
 * @param arguments the values the message mentions, by name; empty if none
 */
public record Problem(String field, String key, String message, Map<String, String> arguments) {
    /**
     * Validates and copies the components.
     *
     * @param field the builder field concerned
     * @param key a stable key that starts with the field and a dot
     * @param message the English message
     * @param arguments the values the message mentions
     * @throws IllegalArgumentException if the field, key or message is blank, or the key does not start with the
     *         field and a dot
     */
    public Problem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
        arguments = Map.copyOf(Objects.requireNonNull(arguments, "arguments"));
        if (field.isBlank() || message.isBlank()) {
            throw new IllegalArgumentException("a problem needs a field and a message: '" + key + "'");
        }
        if (!key.startsWith(field + ".") || key.length() == field.length() + 1) {
            throw new IllegalArgumentException("a problem key must start with its field and a dot: field '" + field
                    + "', key '" + key + "'");
        }
    }

    static Problem of(String field, String name, String message) {
        return new Problem(field, field + "." + name, message, Map.of());
    }

    static Problem of(String field, String name, String message, Map<String, String> arguments) {
        return new Problem(field, field + "." + name, message, arguments);
    }

    @Override
    public String toString() {
        return key + ": " + message;
    }
}
