package dev.lawang.request;

import dev.lawang.code.SharedCode;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.directory.SiteId;
import dev.lawang.geo.GeoPoint;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What an office submits to obtain a check-in code: the requesting agency, the site, the agencies the code should
 * cover, the office position, staff users, expected guests per day, photos of the office, a contact e-mail address and
 * free notes.
 *
 * <p>A request is a form that may still be incomplete: {@link Builder#build()} accepts any combination of fields, and
 * {@link #problems(Directory)} lists everything missing or wrong as {@link Problem}s, so that a host can show all of
 * it to the office at once. {@link #problems()} runs only the checks that need no directory (for a form that is still
 * being filled in); {@link RequestBook#submit(CodeRequest, Directory, String)} accepts a request only when the full
 * check finds nothing.
 *
 * <p>Bounds (see {@code docs/requests.md}): a request covers 1 to {@value SharedCode#MAX_AGENCIES} agencies, as many
 * as one shared code; staff users are 1 to {@value #MAX_STAFF_USERS}; expected guests per day 1 to
 * {@value #MAX_GUESTS_PER_DAY}; photos 1 to {@value #MAX_PHOTOS}, each an {@code http} or {@code https} address with
 * a host, of at most {@value #MAX_PHOTO_URI_LENGTH} characters; the contact a plain address {@code local@domain.tld}
 * of at most 254 characters; notes at most {@value #MAX_NOTES_LENGTH} characters; the position inside the site's
 * geofence or at most {@value #POSITION_TOLERANCE_METRES} m from it.
 *
 * <p>The contact address is personal data: {@link #toString()}, problems and exception messages never contain it.
 *
 * <p>Immutable and thread-safe.
 */
public final class CodeRequest {
    /** The most staff users an office may declare; more is taken for a typing error. */
    public static final int MAX_STAFF_USERS = 10_000;
    /** The most guests per day an office may expect; more is taken for a typing error. */
    public static final int MAX_GUESTS_PER_DAY = 20_000;
    /** The most photos one request may carry. */
    public static final int MAX_PHOTOS = 10;
    /** The longest photo address accepted, in characters. */
    public static final int MAX_PHOTO_URI_LENGTH = 2_000;
    /** The longest free notes accepted, in characters. */
    public static final int MAX_NOTES_LENGTH = 2_000;
    /**
     * How far outside the site's geofence the office position may lie, in metres: an office often reports its
     * position from the street in front of its gate.
     */
    public static final int POSITION_TOLERANCE_METRES = 100;

    private final AgencyId requester;
    private final SiteId site;
    private final SortedSet<AgencyId> covered;
    private final @Nullable GeoPoint position;
    private final @Nullable Integer staffUsers;
    private final @Nullable Integer expectedGuestsPerDay;
    private final List<URI> photos;
    private final @Nullable String contact;
    private final String notes;

    private CodeRequest(Builder b) {
        requester = b.requester;
        site = b.site;
        covered = Collections.unmodifiableSortedSet(
                b.covered.isEmpty() ? new TreeSet<>(Set.of(b.requester)) : new TreeSet<>(b.covered));
        position = b.position;
        staffUsers = b.staffUsers;
        expectedGuestsPerDay = b.expectedGuestsPerDay;
        photos = List.copyOf(b.photos);
        contact = b.contact;
        notes = b.notes;
    }

    /**
     * Starts a request by an agency for a code at a site.
     *
     * @param requester the agency that asks for the code
     * @param site the site where the code will be displayed
     * @return a builder; the code covers the requester alone unless {@link Builder#covering} says otherwise
     */
    public static Builder builder(AgencyId requester, SiteId site) {
        return new Builder(requester, site);
    }

    /**
     * Returns the agency that asks for the code.
     *
     * @return the requester
     */
    public AgencyId requester() {
        return requester;
    }

    /**
     * Returns the site where the code will be displayed.
     *
     * @return the site id
     */
    public SiteId site() {
        return site;
    }

    /**
     * Returns the agencies the code should cover, in id order; the requester alone unless the builder said otherwise.
     *
     * @return an unmodifiable, non-empty set
     */
    public Set<AgencyId> covered() {
        return covered;
    }

    /**
     * Returns the office position, if given.
     *
     * @return the position
     */
    public Optional<GeoPoint> position() {
        return Optional.ofNullable(position);
    }

    /**
     * Returns the number of staff users who will check in, if given.
     *
     * @return the count as given, which may be out of bounds
     */
    public OptionalInt staffUsers() {
        return staffUsers == null ? OptionalInt.empty() : OptionalInt.of(staffUsers);
    }

    /**
     * Returns the number of guests the office expects per day, if given.
     *
     * @return the count as given, which may be out of bounds
     */
    public OptionalInt expectedGuestsPerDay() {
        return expectedGuestsPerDay == null ? OptionalInt.empty() : OptionalInt.of(expectedGuestsPerDay);
    }

    /**
     * Returns the addresses of the office photos, in the order given.
     *
     * @return an unmodifiable list, possibly empty
     */
    public List<URI> photos() {
        return photos;
    }

    /**
     * Returns the contact e-mail address, if given. It is personal data: do not log it.
     *
     * @return the address as given, which may be malformed
     */
    public Optional<String> contact() {
        return Optional.ofNullable(contact);
    }

    /**
     * Returns the free notes.
     *
     * @return the notes, empty if none
     */
    public String notes() {
        return notes;
    }

    /**
     * Lists what is missing or wrong in the request on its own, without looking at the directory: missing fields,
     * counts out of bounds, photo addresses and the e-mail address. Use {@link #problems(Directory)} for the full
     * check.
     *
     * @return the problems in field order; empty if none
     */
    public List<Problem> problems() {
        return CodeRequestChecks.problems(this, null);
    }

    /**
     * Lists everything missing or wrong in the request: the checks of {@link #problems()}, and also whether the
     * requester, the site and the covered agencies exist in the directory, whether the covered agencies (and the
     * requester) work at the site, and whether the office position lies inside the site's geofence or within
     * {@value #POSITION_TOLERANCE_METRES} m of it (the problem says how far it is).
     *
     * @param directory the directory the request refers to
     * @return the problems in field order; empty if none
     */
    public List<Problem> problems(Directory directory) {
        return CodeRequestChecks.problems(this, Objects.requireNonNull(directory, "directory"));
    }

    /**
     * Returns a builder holding this request's fields, to change some of them.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(requester, site).covering(covered).photos(photos).notes(notes);
        b.position = position;
        b.staffUsers = staffUsers;
        b.expectedGuestsPerDay = expectedGuestsPerDay;
        b.contact = contact;
        return b;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof CodeRequest r
                && requester.equals(r.requester) && site.equals(r.site) && covered.equals(r.covered)
                && Objects.equals(position, r.position) && Objects.equals(staffUsers, r.staffUsers)
                && Objects.equals(expectedGuestsPerDay, r.expectedGuestsPerDay) && photos.equals(r.photos)
                && Objects.equals(contact, r.contact) && notes.equals(r.notes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(requester, site, covered, position, staffUsers, expectedGuestsPerDay, photos, contact,
                notes);
    }

    /** Describes the request without the contact address, which is personal data, and without photo addresses. */
    @Override
    public String toString() {
        return "CodeRequest[requester=" + requester + ", site=" + site + ", covering=" + covered
                + ", position=" + position + ", staffUsers=" + staffUsers
                + ", expectedGuestsPerDay=" + expectedGuestsPerDay + ", photos=" + photos.size()
                + ", contact=" + (contact == null ? "missing" : "given") + ", notes=" + notes.length() + " chars]";
    }

    /**
     * Collects the fields of a {@link CodeRequest}. {@link #build()} copies the state, so a builder can be reused.
     *
     * <p>Not thread-safe.
     */
    public static final class Builder {
        private final AgencyId requester;
        private final SiteId site;
        private final Set<AgencyId> covered = new TreeSet<>();
        private @Nullable GeoPoint position;
        private @Nullable Integer staffUsers;
        private @Nullable Integer expectedGuestsPerDay;
        private final List<URI> photos = new ArrayList<>();
        private @Nullable String contact;
        private String notes = "";

        private Builder(AgencyId requester, SiteId site) {
            this.requester = Objects.requireNonNull(requester, "requester");
            this.site = Objects.requireNonNull(site, "site");
        }

        /**
         * Sets the agencies the code should cover, replacing any set before. For a shared code, list every agency at
         * the site that will display it; an empty collection means the requester alone. Duplicates count once.
         *
         * @param covering the agencies; {@link CodeRequest#problems()} checks that there are at most
         *        {@value SharedCode#MAX_AGENCIES}
         * @return this builder
         */
        public Builder covering(Collection<AgencyId> covering) {
            Objects.requireNonNull(covering, "covering");
            List<AgencyId> copy = new ArrayList<>(covering.size());
            for (AgencyId a : covering) {
                copy.add(Objects.requireNonNull(a, "covering"));
            }
            this.covered.clear();
            this.covered.addAll(copy);
            return this;
        }

        /**
         * Sets the agencies the code should cover, replacing any set before, as {@link #covering(Collection)} does.
         *
         * @param covering the agencies
         * @return this builder
         */
        public Builder covering(AgencyId... covering) {
            return covering(List.of(Objects.requireNonNull(covering, "covering")));
        }

        /**
         * Sets the office position: where the code will be displayed.
         *
         * @param position the position; {@link CodeRequest#problems(Directory)} checks that it lies inside the site's
         *        geofence or within {@value CodeRequest#POSITION_TOLERANCE_METRES} m of it
         * @return this builder
         */
        public Builder position(GeoPoint position) {
            this.position = Objects.requireNonNull(position, "position");
            return this;
        }

        /**
         * Sets the number of staff users who will check in.
         *
         * @param staffUsers the number, any int; {@link CodeRequest#problems()} checks that it is 1 to
         *        {@value CodeRequest#MAX_STAFF_USERS}
         * @return this builder
         */
        public Builder staffUsers(int staffUsers) {
            this.staffUsers = staffUsers;
            return this;
        }

        /**
         * Sets the number of guests the office expects per day.
         *
         * @param expectedGuestsPerDay the number, any int; {@link CodeRequest#problems()} checks that it is 1 to
         *        {@value CodeRequest#MAX_GUESTS_PER_DAY}
         * @return this builder
         */
        public Builder expectedGuestsPerDay(int expectedGuestsPerDay) {
            this.expectedGuestsPerDay = expectedGuestsPerDay;
            return this;
        }

        /**
         * Adds the address of a photo of the office.
         *
         * @param photo the address; {@link CodeRequest#problems()} checks that it is {@code http} or {@code https}
         *        with a host and at most {@value CodeRequest#MAX_PHOTO_URI_LENGTH} characters
         * @return this builder
         */
        public Builder photo(URI photo) {
            photos.add(Objects.requireNonNull(photo, "photo"));
            return this;
        }

        /**
         * Sets the addresses of the office photos, replacing any added before.
         *
         * @param photos the addresses, in order; {@link CodeRequest#problems()} checks each as for
         *        {@link #photo(URI)}, and that there are 1 to {@value CodeRequest#MAX_PHOTOS}
         * @return this builder
         */
        public Builder photos(Collection<URI> photos) {
            Objects.requireNonNull(photos, "photos");
            List<URI> copy = new ArrayList<>(photos.size());
            for (URI p : photos) {
                copy.add(Objects.requireNonNull(p, "photos"));
            }
            this.photos.clear();
            this.photos.addAll(copy);
            return this;
        }

        /**
         * Sets the contact e-mail address where the code will be sent. It is personal data and never appears in
         * messages or logs.
         *
         * @param contact the address; {@link CodeRequest#problems()} checks that it is a plain address
         *        {@code local@domain.tld} of at most 254 characters
         * @return this builder
         */
        public Builder contact(String contact) {
            this.contact = Objects.requireNonNull(contact, "contact");
            return this;
        }

        /**
         * Sets free notes for the authority that reviews the request.
         *
         * @param notes the notes; {@link CodeRequest#problems()} checks that they have at most
         *        {@value CodeRequest#MAX_NOTES_LENGTH} characters
         * @return this builder
         */
        public Builder notes(String notes) {
            this.notes = Objects.requireNonNull(notes, "notes");
            return this;
        }

        /**
         * Builds the request as it stands, complete or not.
         *
         * @return the request
         */
        public CodeRequest build() {
            return new CodeRequest(this);
        }
    }

    /**
     * One thing missing or wrong, in plain words: in a {@link CodeRequest}, or in what a {@link CoverageReport} could
     * not account for.
     *
     * <p>The {@link #key()} is stable across versions, so a host can look up its own translation of the message, and
     * the {@link #arguments()} carry the values the message mentions (a distance in metres, a request id, an agency
     * id). The {@link #message()} is English and never contains the contact e-mail address or a photo address, which
     * may carry personal data or secrets.
     *
     * <p>The keys Lawang uses are listed in {@code docs/requests.md}; each starts with the {@link #field()} it
     * concerns, such as {@code position.outsideGeofence} or {@code contact.malformed}.
     *
     * <p>Immutable and thread-safe.
     *
     * @param field what the problem concerns, not blank: a field of the request as the builder names it, such as
     *        {@code "position"} or {@code "covering"}, or {@code "codes"} or {@code "requests"} in a coverage report
     * @param key a stable key a host can translate: the field, a dot and at least one more character, such as
     *        {@code "position.outsideGeofence"}
     * @param message what is wrong and what is expected, in plain English, not blank
     * @param arguments the values the message mentions, by name; empty if none; copied
     */
    public record Problem(String field, String key, String message, Map<String, String> arguments) {
        /**
         * Creates a problem.
         *
         * @param field what the problem concerns, not blank
         * @param key the field, a dot and at least one more character
         * @param message the English message, not blank
         * @param arguments the values the message mentions, by name; copied
         * @throws IllegalArgumentException if the field or message is blank, or the key does not start with the
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
                throw new IllegalArgumentException("a problem key must start with its field and a dot: field '"
                        + field + "', key '" + key + "'");
            }
        }

        static Problem of(String field, String name, String message) {
            return new Problem(field, field + "." + name, message, Map.of());
        }

        static Problem of(String field, String name, String message, Map<String, String> arguments) {
            return new Problem(field, field + "." + name, message, arguments);
        }

        /**
         * Returns the key and the message, such as {@code "contact.missing: The contact e-mail address is
         * missing."}.
         *
         * @return the key, a colon and the message
         */
        @Override
        public String toString() {
            return key + ": " + message;
        }
    }
}
