package dev.lawang.request;

import dev.lawang.directory.Agency;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.directory.Site;
import dev.lawang.directory.SiteId;
import dev.lawang.geo.GeoPoint;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
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
 * {@link #problems(Directory)} lists everything missing or wrong, so that a host can show all of it to the office at
 * once. {@link #problems()} runs only the checks that need no directory (for a form that is still being filled in);
 * {@link RequestBook#submit(CodeRequest, Directory, String)} accepts a request only when the full check finds nothing.
 *
 * <p>Bounds (see {@code docs/requests.md}): a request covers 1 to {@value #MAX_COVERED} agencies; staff users are
 * 1 to {@value #MAX_STAFF_USERS}; expected guests per day 1 to {@value #MAX_GUESTS_PER_DAY}; photos 1 to
 * {@value #MAX_PHOTOS}, each an {@code http} or {@code https} address of at most {@value #MAX_PHOTO_URI_LENGTH}
 * characters; notes at most {@value #MAX_NOTES_LENGTH} characters; the position inside the site's geofence or at most
 * {@value #POSITION_TOLERANCE_METRES} m from it.
 *
 * <p>The contact address is personal data: {@link #toString()}, problems and exception messages never contain it.
 *
 * <p>Immutable and thread-safe.
 */
public final class CodeRequest {
    /** The most agencies one request (and one shared code) may cover. */
    public static final int MAX_COVERED = dev.lawang.code.SharedCode.MAX_AGENCIES;
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

    private static final int MAX_EMAIL_LENGTH = 254;

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
        return check(null);
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
        return check(Objects.requireNonNull(directory, "directory"));
    }

    private List<Problem> check(@Nullable Directory directory) {
        List<Problem> out = new ArrayList<>();
        @Nullable Site knownSite = null;
        if (directory != null) {
            if (directory.agency(requester).isEmpty()) {
                out.add(Problem.of("requester", "unknown", "The requesting agency '" + requester
                        + "' is not in the directory.", Map.of("agency", requester.value())));
            }
            knownSite = directory.site(site).orElse(null);
            if (knownSite == null) {
                out.add(Problem.of("site", "unknown", "The site '" + site + "' is not in the directory.",
                        Map.of("site", site.value())));
            } else if (directory.agency(requester).isPresent() && !isAtSite(requester, knownSite, directory)) {
                out.add(Problem.of("requester", "notTenant", "The requesting agency '" + requester
                        + "' does not work at the site '" + site + "' and is not the parent of a covered agency.",
                        Map.of("agency", requester.value(), "site", site.value())));
            }
        }
        checkCovered(directory, knownSite, out);
        checkPosition(knownSite, out);
        checkCount("staffUsers", "staff users", staffUsers, MAX_STAFF_USERS, out);
        checkCount("expectedGuestsPerDay", "expected guests per day", expectedGuestsPerDay, MAX_GUESTS_PER_DAY, out);
        checkPhotos(out);
        checkContact(out);
        if (notes.length() > MAX_NOTES_LENGTH) {
            out.add(Problem.of("notes", "tooLong", "The notes have " + notes.length() + " characters; at most "
                    + MAX_NOTES_LENGTH + " are allowed.", Map.of("length", Integer.toString(notes.length()),
                    "max", Integer.toString(MAX_NOTES_LENGTH))));
        }
        return List.copyOf(out);
    }

    private boolean isAtSite(AgencyId agency, Site knownSite, Directory directory) {
        if (knownSite.tenants().contains(agency)) {
            return true;
        }
        for (AgencyId c : covered) {
            Optional<Agency> coveredAgency = directory.agency(c);
            if (coveredAgency.isPresent() && agency.equals(coveredAgency.get().parent())) {
                return true;
            }
        }
        return false;
    }

    private void checkCovered(@Nullable Directory directory, @Nullable Site knownSite, List<Problem> out) {
        if (covered.size() > MAX_COVERED) {
            out.add(Problem.of("covering", "tooMany", "The code would cover " + covered.size()
                    + " agencies; one code covers at most " + MAX_COVERED + ".",
                    Map.of("count", Integer.toString(covered.size()), "max", Integer.toString(MAX_COVERED))));
        }
        if (directory == null) {
            return;
        }
        for (AgencyId agency : covered) {
            if (directory.agency(agency).isEmpty()) {
                out.add(Problem.of("covering", "unknown", "The agency '" + agency + "' to be covered is not in the"
                        + " directory.", Map.of("agency", agency.value())));
            } else if (knownSite != null && !knownSite.tenants().contains(agency)) {
                out.add(Problem.of("covering", "notTenant", "The agency '" + agency + "' to be covered does not work"
                        + " at the site '" + site + "'.", Map.of("agency", agency.value(), "site", site.value())));
            }
        }
    }

    private void checkPosition(@Nullable Site knownSite, List<Problem> out) {
        if (position == null) {
            out.add(Problem.of("position", "missing", "The office position (latitude and longitude) is missing."));
            return;
        }
        if (knownSite == null) {
            return;
        }
        double metres = knownSite.geofence().distanceTo(position);
        if (metres > POSITION_TOLERANCE_METRES) {
            long rounded = Math.round(metres);
            out.add(Problem.of("position", "outsideGeofence", "The office position is " + rounded + " m outside the"
                    + " geofence of the site '" + site + "'; it must be inside or within " + POSITION_TOLERANCE_METRES
                    + " m of it.", Map.of("distanceMetres", Long.toString(rounded),
                    "toleranceMetres", Integer.toString(POSITION_TOLERANCE_METRES), "site", site.value())));
        }
    }

    private static void checkCount(String field, String words, @Nullable Integer value, int max,
            List<Problem> out) {
        if (value == null) {
            out.add(Problem.of(field, "missing", "The number of " + words + " is missing."));
        } else if (value < 1) {
            out.add(Problem.of(field, "notPositive", "The number of " + words + " must be at least 1, not " + value
                    + ".", Map.of("value", Integer.toString(value))));
        } else if (value > max) {
            out.add(Problem.of(field, "tooMany", "The number of " + words + " is " + value + "; at most " + max
                    + " is accepted for one office.", Map.of("value", Integer.toString(value),
                    "max", Integer.toString(max))));
        }
    }

    private void checkPhotos(List<Problem> out) {
        if (photos.isEmpty()) {
            out.add(Problem.of("photos", "missing", "Photos of the office are missing; at least one is needed."));
            return;
        }
        if (photos.size() > MAX_PHOTOS) {
            out.add(Problem.of("photos", "tooMany", "There are " + photos.size() + " photos; at most " + MAX_PHOTOS
                    + " are accepted.", Map.of("count", Integer.toString(photos.size()),
                    "max", Integer.toString(MAX_PHOTOS))));
        }
        for (int i = 0; i < photos.size(); i++) {
            // The address itself is never echoed: a signed storage link carries a secret.
            String number = Integer.toString(i + 1);
            URI photo = photos.get(i);
            if (photo.toString().length() > MAX_PHOTO_URI_LENGTH) {
                out.add(Problem.of("photos", "tooLong", "The address of photo " + number + " is longer than "
                        + MAX_PHOTO_URI_LENGTH + " characters.", Map.of("photo", number,
                        "max", Integer.toString(MAX_PHOTO_URI_LENGTH))));
            } else if (!isWebAddress(photo)) {
                out.add(Problem.of("photos", "notHttp", "Photo " + number + " is not a web address (http or https"
                        + " with a host name).", Map.of("photo", number)));
            }
        }
    }

    static boolean isWebAddress(URI uri) {
        String scheme = uri.getScheme();
        if (scheme == null || uri.isOpaque() || uri.getHost() == null || uri.getHost().isEmpty()) {
            return false;
        }
        String lower = scheme.toLowerCase(Locale.ROOT);
        return lower.equals("http") || lower.equals("https");
    }

    private void checkContact(List<Problem> out) {
        if (contact == null) {
            out.add(Problem.of("contact", "missing", "The contact e-mail address is missing."));
        } else if (!isEmailAddress(contact)) {
            out.add(Problem.of("contact", "malformed", "The contact e-mail address is not a valid address of the"
                    + " form name@domain.tld."));
        }
    }

    /**
     * Tells whether text is a plain e-mail address: a local part of 1 to 64 characters (letters, digits and
     * {@code !#$%&'*+/=?^_`{|}~.-}, no leading, trailing or double dot), one {@code @}, and a domain of at least two
     * labels whose last is letters only. Quoted local parts, comments and address literals are refused on purpose.
     */
    static boolean isEmailAddress(String text) {
        if (text.length() > MAX_EMAIL_LENGTH) {
            return false;
        }
        int at = text.indexOf('@');
        if (at < 1 || at != text.lastIndexOf('@') || at > 64) {
            return false;
        }
        String local = text.substring(0, at);
        String domain = text.substring(at + 1);
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (!(isAsciiLetterOrDigit(c) || "!#$%&'*+/=?^_`{|}~.-".indexOf(c) >= 0)) {
                return false;
            }
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(isAsciiLetterOrDigit(c) || c == '-')) {
                    return false;
                }
            }
        }
        String top = labels[labels.length - 1];
        return top.length() >= 2 && top.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
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
    public boolean equals(Object o) {
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
         * the site that will display it; an empty collection means the requester alone.
         *
         * @param agencies the agencies
         * @return this builder
         */
        public Builder covering(Collection<AgencyId> agencies) {
            Objects.requireNonNull(agencies, "agencies");
            List<AgencyId> copy = new ArrayList<>(agencies.size());
            for (AgencyId a : agencies) {
                copy.add(Objects.requireNonNull(a, "agency"));
            }
            covered.clear();
            covered.addAll(copy);
            return this;
        }

        /**
         * Sets the agencies the code should cover, replacing any set before.
         *
         * @param agencies the agencies
         * @return this builder
         */
        public Builder covering(AgencyId... agencies) {
            return covering(List.of(agencies));
        }

        /**
         * Sets the office position: where the code will be displayed.
         *
         * @param position the position
         * @return this builder
         */
        public Builder position(GeoPoint position) {
            this.position = Objects.requireNonNull(position, "position");
            return this;
        }

        /**
         * Sets the number of staff users who will check in; {@link CodeRequest#problems()} checks the bounds.
         *
         * @param count the number
         * @return this builder
         */
        public Builder staffUsers(int count) {
            this.staffUsers = count;
            return this;
        }

        /**
         * Sets the number of guests the office expects per day; {@link CodeRequest#problems()} checks the bounds.
         *
         * @param count the number
         * @return this builder
         */
        public Builder expectedGuestsPerDay(int count) {
            this.expectedGuestsPerDay = count;
            return this;
        }

        /**
         * Adds the address of a photo of the office.
         *
         * @param photo the address; {@link CodeRequest#problems()} checks that it is {@code http} or {@code https}
         * @return this builder
         */
        public Builder photo(URI photo) {
            photos.add(Objects.requireNonNull(photo, "photo"));
            return this;
        }

        /**
         * Sets the addresses of the office photos, replacing any added before.
         *
         * @param photos the addresses
         * @return this builder
         */
        public Builder photos(Collection<URI> photos) {
            List<URI> copy = new ArrayList<>(photos.size());
            for (URI p : photos) {
                copy.add(Objects.requireNonNull(p, "photo"));
            }
            this.photos.clear();
            this.photos.addAll(copy);
            return this;
        }

        /**
         * Sets the contact e-mail address where the code will be sent. It is personal data and never appears in
         * messages or logs.
         *
         * @param email the address; {@link CodeRequest#problems()} checks its form
         * @return this builder
         */
        public Builder contact(String email) {
            this.contact = Objects.requireNonNull(email, "email");
            return this;
        }

        /**
         * Sets free notes for the authority that reviews the request.
         *
         * @param notes the notes, at most {@value CodeRequest#MAX_NOTES_LENGTH} characters to pass the check
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
}
