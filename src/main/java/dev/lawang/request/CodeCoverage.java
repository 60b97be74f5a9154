package dev.lawang.request;

import dev.lawang.code.CodeId;
import dev.lawang.directory.SiteId;
import java.time.Instant;
import java.util.Objects;

/**
 * A code that covers an agency in a {@link CoverageReport}: which code, at which site, whether the agency has it
 * to itself or shares it, and until when it is valid.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the code's id
 * @param site the site where the code is displayed
 * @param agencies how many agencies the code covers: 1 for an agency's own code, more for a shared code
 * @param validUntil the end of the code's validity window (exclusive)
 */
public record CodeCoverage(CodeId code, SiteId site, int agencies, Instant validUntil) {
    /**
     * Validates the components.
     *
     * @param code the code's id
     * @param site the site
     * @param agencies how many agencies the code covers, {@code >= 1}
     * @param validUntil the end of the window
     * @throws IllegalArgumentException if {@code agencies < 1}
     */
    public CodeCoverage {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(validUntil, "validUntil");
        if (agencies < 1) {
            throw new IllegalArgumentException("a code covers at least one agency: " + agencies);
        }
    }

    /**
     * Tells whether the code is shared with other agencies.
     *
     * @return whether it covers more than one agency
     */
    public boolean isShared() {
        return agencies > 1;
    }
}
