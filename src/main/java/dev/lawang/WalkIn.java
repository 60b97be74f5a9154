package dev.lawang;

import dev.lawang.directory.AgencyId;
import dev.lawang.directory.SiteId;
import dev.lawang.visit.Role;
import dev.lawang.visit.VisitorRef;
import java.util.Objects;

/**
 * A walk-in at a site without a code: the desk screened the visitor by hand and registers them.
 *
 * <p>Immutable and thread-safe; {@link #toString()} reveals neither the visitor nor the screening.
 *
 * @param site the site
 * @param agency the agency the visitor came for; it must work at the site
 * @param visitor the visitor's pseudonym
 * @param role whether the visitor comes as staff or as a guest
 * @param screening the result of the manual screening
 */
public record WalkIn(SiteId site, AgencyId agency, VisitorRef visitor, Role role, Screening screening) {
    /**
     * Validates the request.
     *
     * @param site not null
     * @param agency not null
     * @param visitor not null
     * @param role not null
     * @param screening not null
     */
    public WalkIn {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(visitor, "visitor");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(screening, "screening");
    }
}
