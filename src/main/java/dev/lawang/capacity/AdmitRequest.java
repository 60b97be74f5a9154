package dev.lawang.capacity;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import java.util.Objects;
import java.util.UUID;

/**
 * A request to admit a visitor to an agency at a site.
 *
 * <p>The caller chooses the visit id, fresh for each new check-in, so that a retry of the same request (after a lost
 * reply from a shared ledger, say) is recognised and returns the same visit instead of counting twice. The visitor
 * key is an opaque, stable pseudonym of the person (never a raw national id number); the ledger keeps at most one
 * open visit per key. It never appears in messages, logs or {@link #toString()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param visitId the caller-chosen id of the visit this request would open
 * @param visitorKey the visitor's pseudonym: 1 to 256 characters
 * @param site the site
 * @param agency the agency visited at the site
 * @param role whether the person checks in as staff or as a guest
 */
public record AdmitRequest(UUID visitId, String visitorKey, SiteId site, AgencyId agency, Role role) {
    /** The longest visitor key accepted. */
    public static final int MAX_KEY_LENGTH = 256;

    /**
     * Validates the request.
     *
     * @param visitId the record component of that name
     * @param visitorKey the record component of that name
     * @param site the record component of that name
     * @param agency the record component of that name
     * @param role the record component of that name
     * @throws IllegalArgumentException if the visitor key is empty or longer than {@link #MAX_KEY_LENGTH}
     */
    public AdmitRequest {
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(visitorKey, "visitorKey");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(role, "role");
        if (visitorKey.isEmpty() || visitorKey.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("visitor key must be 1 to " + MAX_KEY_LENGTH + " characters ("
                    + visitorKey.length() + " given)");
        }
    }

    /**
     * Returns a request.
     *
     * @param visitId the caller-chosen id of the visit
     * @param visitorKey the visitor's pseudonym
     * @param site the site
     * @param agency the agency
     * @param role the role
     * @return the request
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static AdmitRequest of(UUID visitId, String visitorKey, SiteId site, AgencyId agency, Role role) {
        return new AdmitRequest(visitId, visitorKey, site, agency, role);
    }

    /**
     * Describes the request without the visitor key.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "AdmitRequest[visitId=" + visitId + ", site=" + site + ", agency=" + agency + ", role=" + role + "]";
    }
}
