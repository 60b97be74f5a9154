package dev.lawang.request;

import dev.lawang.code.SharedCode;
import dev.lawang.directory.Agency;
import dev.lawang.directory.AgencyId;
import dev.lawang.directory.Directory;
import dev.lawang.directory.Site;
import dev.lawang.directory.SiteId;
import dev.lawang.geo.GeoPoint;
import dev.lawang.request.CodeRequest.Problem;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The checks behind {@link CodeRequest#problems()} and {@link CodeRequest#problems(Directory)}, kept apart from the
 * form so that the form stays a plain value. Each check adds to the list and never stops the others, so that an
 * office sees everything wrong at once; problems come in field order.
 */
final class CodeRequestChecks {
    private static final int MAX_EMAIL_LENGTH = 254;
    private static final int MAX_EMAIL_LOCAL_LENGTH = 64;
    private static final int MAX_DOMAIN_LABEL_LENGTH = 63;

    private CodeRequestChecks() {
    }

    /**
     * Lists the problems of a request; without a directory, only the checks that need nothing but the request run.
     */
    static List<Problem> problems(CodeRequest request, @Nullable Directory directory) {
        List<Problem> out = new ArrayList<>();
        AgencyId requester = request.requester();
        SiteId site = request.site();
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
            } else if (directory.agency(requester).isPresent() && !isAtSite(request, knownSite, directory)) {
                out.add(Problem.of("requester", "notTenant", "The requesting agency '" + requester
                        + "' does not work at the site '" + site + "' and is not the parent of a covered agency.",
                        Map.of("agency", requester.value(), "site", site.value())));
            }
        }
        checkCovered(request, directory, knownSite, out);
        checkPosition(request, knownSite, out);
        checkCount("staffUsers", "staff users", orNull(request.staffUsers()), CodeRequest.MAX_STAFF_USERS, out);
        checkCount("expectedGuestsPerDay", "expected guests per day", orNull(request.expectedGuestsPerDay()),
                CodeRequest.MAX_GUESTS_PER_DAY, out);
        checkPhotos(request.photos(), out);
        checkContact(request.contact().orElse(null), out);
        int notes = request.notes().length();
        if (notes > CodeRequest.MAX_NOTES_LENGTH) {
            out.add(Problem.of("notes", "tooLong", "The notes have " + notes + " characters; at most "
                    + CodeRequest.MAX_NOTES_LENGTH + " are allowed.", Map.of("length", Integer.toString(notes),
                    "max", Integer.toString(CodeRequest.MAX_NOTES_LENGTH))));
        }
        return List.copyOf(out);
    }

    /** A requester is at the site if it works there, or if it is the parent of an agency the code covers. */
    private static boolean isAtSite(CodeRequest request, Site knownSite, Directory directory) {
        AgencyId requester = request.requester();
        if (knownSite.tenants().contains(requester)) {
            return true;
        }
        for (AgencyId c : request.covered()) {
            Optional<Agency> coveredAgency = directory.agency(c);
            if (coveredAgency.isPresent() && requester.equals(coveredAgency.get().parent())) {
                return true;
            }
        }
        return false;
    }

    private static void checkCovered(CodeRequest request, @Nullable Directory directory, @Nullable Site knownSite,
            List<Problem> out) {
        int count = request.covered().size();
        if (count > SharedCode.MAX_AGENCIES) {
            out.add(Problem.of("covering", "tooMany", "The code would cover " + count
                    + " agencies; one code covers at most " + SharedCode.MAX_AGENCIES + ".",
                    Map.of("count", Integer.toString(count), "max", Integer.toString(SharedCode.MAX_AGENCIES))));
        }
        if (directory == null) {
            return;
        }
        SiteId site = request.site();
        for (AgencyId agency : request.covered()) {
            if (directory.agency(agency).isEmpty()) {
                out.add(Problem.of("covering", "unknown", "The agency '" + agency + "' to be covered is not in the"
                        + " directory.", Map.of("agency", agency.value())));
            } else if (knownSite != null && !knownSite.tenants().contains(agency)) {
                out.add(Problem.of("covering", "notTenant", "The agency '" + agency + "' to be covered does not work"
                        + " at the site '" + site + "'.", Map.of("agency", agency.value(), "site", site.value())));
            }
        }
    }

    private static void checkPosition(CodeRequest request, @Nullable Site knownSite, List<Problem> out) {
        Optional<GeoPoint> position = request.position();
        if (position.isEmpty()) {
            out.add(Problem.of("position", "missing", "The office position (latitude and longitude) is missing."));
            return;
        }
        if (knownSite == null) {
            return;
        }
        double metres = knownSite.geofence().distanceTo(position.get());
        if (metres > CodeRequest.POSITION_TOLERANCE_METRES) {
            long rounded = Math.round(metres);
            String site = request.site().value();
            out.add(Problem.of("position", "outsideGeofence", "The office position is " + rounded + " m outside the"
                    + " geofence of the site '" + site + "'; it must be inside or within "
                    + CodeRequest.POSITION_TOLERANCE_METRES + " m of it.", Map.of("distanceMetres",
                    Long.toString(rounded), "toleranceMetres", Integer.toString(CodeRequest.POSITION_TOLERANCE_METRES),
                    "site", site)));
        }
    }

    private static @Nullable Integer orNull(OptionalInt given) {
        return given.isPresent() ? given.getAsInt() : null;
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

    private static void checkPhotos(List<URI> photos, List<Problem> out) {
        if (photos.isEmpty()) {
            out.add(Problem.of("photos", "missing", "Photos of the office are missing; at least one is needed."));
            return;
        }
        if (photos.size() > CodeRequest.MAX_PHOTOS) {
            out.add(Problem.of("photos", "tooMany", "There are " + photos.size() + " photos; at most "
                    + CodeRequest.MAX_PHOTOS + " are accepted.", Map.of("count", Integer.toString(photos.size()),
                    "max", Integer.toString(CodeRequest.MAX_PHOTOS))));
        }
        for (int i = 0; i < photos.size(); i++) {
            // The address itself is never echoed: a signed storage link carries a secret.
            String number = Integer.toString(i + 1);
            URI photo = photos.get(i);
            if (photo.toString().length() > CodeRequest.MAX_PHOTO_URI_LENGTH) {
                out.add(Problem.of("photos", "tooLong", "The address of photo " + number + " is longer than "
                        + CodeRequest.MAX_PHOTO_URI_LENGTH + " characters.", Map.of("photo", number,
                        "max", Integer.toString(CodeRequest.MAX_PHOTO_URI_LENGTH))));
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

    private static void checkContact(@Nullable String contact, List<Problem> out) {
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
     * labels whose last is letters only. Quoted local parts, comments and address literals are refused on purpose:
     * an office's address needs none of them.
     */
    static boolean isEmailAddress(String text) {
        if (text.length() > MAX_EMAIL_LENGTH) {
            return false;
        }
        int at = text.indexOf('@');
        if (at < 1 || at != text.lastIndexOf('@') || at > MAX_EMAIL_LOCAL_LENGTH) {
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
            if (label.isEmpty() || label.length() > MAX_DOMAIN_LABEL_LENGTH || label.startsWith("-")
                    || label.endsWith("-")) {
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
}
