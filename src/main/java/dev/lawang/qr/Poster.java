package dev.lawang.qr;

import java.util.List;
import java.util.Objects;

/**
 * What a printed entrance poster says besides the symbol: the site's name and address, the name of every agency the
 * code admits visitors to, and the validity of the code, already formatted for people.
 *
 * <p>The poster takes plain text so that this package stays independent of the directory and of signatures; the
 * caller formats dates in the site's own time zone. Immutable and thread-safe.
 *
 * @param siteName the site's name, such as {@code "Kompleks Setda Sragen"}; not blank
 * @param address the site's address; may be empty
 * @param agencyNames the names of the covered agencies in the order to print them; 1 to {@value #MAX_AGENCY_NAMES}
 *     names, none blank
 * @param validFrom when the code becomes valid, formatted for people, such as {@code "1 Desember 2026 00.00 WIB"}
 * @param validUntil when the code stops being valid, formatted the same way
 */
public record Poster(String siteName, String address, List<String> agencyNames, String validFrom, String validUntil) {
    /**
     * The most agency names one poster lists: as many as its list area holds at a font of 2.5 mm (about 7 pt), 21
     * rows in 4 columns. This is a bound of the layout, not of codes, which this package does not know of; the limit
     * of agencies per code ({@code SharedCode.MAX_AGENCIES}) lies below it, so a poster for any code fits.
     */
    public static final int MAX_AGENCY_NAMES = PosterLayout.MAX_NAMES;

    /**
     * Validates and copies the values.
     *
     * @param siteName the site's name; not blank
     * @param address the site's address; may be empty
     * @param agencyNames 1 to {@value #MAX_AGENCY_NAMES} agency names, none blank
     * @param validFrom the start of validity, formatted for people
     * @param validUntil the end of validity, formatted for people
     * @throws IllegalArgumentException if the site name or an agency name is blank, or there are no or too many
     *     agency names
     */
    public Poster {
        Objects.requireNonNull(siteName, "siteName");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        agencyNames = List.copyOf(Objects.requireNonNull(agencyNames, "agencyNames"));
        if (siteName.isBlank()) {
            throw new IllegalArgumentException("site name must not be blank");
        }
        if (agencyNames.isEmpty() || agencyNames.size() > MAX_AGENCY_NAMES) {
            throw new IllegalArgumentException(
                    "a poster lists 1 to " + MAX_AGENCY_NAMES + " agency names, not " + agencyNames.size());
        }
        for (String name : agencyNames) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("agency names must not be blank: " + agencyNames);
            }
        }
    }

    /**
     * Returns a poster for a site and the agencies its code covers.
     *
     * @param siteName the site's name; not blank
     * @param address the site's address; may be empty
     * @param agencyNames 1 to {@value #MAX_AGENCY_NAMES} agency names, none blank
     * @param validFrom the start of validity, formatted for people
     * @param validUntil the end of validity, formatted for people
     * @return the poster
     * @throws IllegalArgumentException if the site name or an agency name is blank, or there are no or too many
     *     agency names
     */
    public static Poster of(
            String siteName, String address, List<String> agencyNames, String validFrom, String validUntil) {
        return new Poster(siteName, address, agencyNames, validFrom, validUntil);
    }
}
