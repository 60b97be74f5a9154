package dev.lawang.request;

import dev.lawang.directory.SiteId;
import java.time.Instant;
import java.util.Objects;

/**
 * A site whose codes all stop being valid soon: see {@link CoverageReport#expiringWithin(java.time.Duration)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param site the site
 * @param name the site's name in the directory
 * @param validUntil when its last valid code ends (exclusive)
 */
public record ExpiringSite(SiteId site, String name, Instant validUntil) {
    /**
     * Checks the components for null.
     *
     * @param site the site
     * @param name the name
     * @param validUntil when its last code ends
     */
    public ExpiringSite {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(validUntil, "validUntil");
    }
}
