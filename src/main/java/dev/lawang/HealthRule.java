package dev.lawang;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which health statuses a gate refuses, and whether a check-in must carry one.
 *
 * <p>{@link #ignore()} (the gate's default) neither asks for a status nor refuses any, because health data is
 * specific personal data and should be asked for only where a rule needs it. {@link #refuse(HealthStatus...)}
 * refuses the named statuses and requires every check-in to carry a status ({@link RefusalReason#STATUS_REQUIRED}
 * otherwise); {@link #allowMissing()} relaxes that. Walk-ins are screened by hand instead and ignore this rule.
 *
 * <p>Immutable and thread-safe.
 */
public final class HealthRule {
    private static final HealthRule IGNORE = new HealthRule(EnumSet.noneOf(HealthStatus.class), false);

    private final Set<HealthStatus> refused;
    private final boolean statusRequired;

    private HealthRule(Set<HealthStatus> refused, boolean statusRequired) {
        this.refused = Collections.unmodifiableSet(refused);
        this.statusRequired = statusRequired;
    }

    /**
     * Returns the rule that asks for no status and refuses none.
     *
     * @return the rule
     */
    public static HealthRule ignore() {
        return IGNORE;
    }

    /**
     * Returns the rule that refuses the given statuses and requires a status with every check-in.
     *
     * @param statuses the statuses refused, such as {@code RED, BLACK}; at least one
     * @return the rule
     * @throws IllegalArgumentException if no status is given
     */
    public static HealthRule refuse(HealthStatus... statuses) {
        Objects.requireNonNull(statuses, "statuses");
        if (statuses.length == 0) {
            throw new IllegalArgumentException("name at least one status to refuse, or use HealthRule.ignore()");
        }
        EnumSet<HealthStatus> set = EnumSet.noneOf(HealthStatus.class);
        for (HealthStatus s : statuses) {
            set.add(Objects.requireNonNull(s, "statuses"));
        }
        return new HealthRule(set, true);
    }

    /**
     * Returns this rule, but admitting check-ins that carry no status.
     *
     * @return the relaxed rule
     */
    public HealthRule allowMissing() {
        return new HealthRule(EnumSet.copyOf(refusedOrEmpty()), false);
    }

    private Set<HealthStatus> refusedOrEmpty() {
        return refused.isEmpty() ? EnumSet.noneOf(HealthStatus.class) : EnumSet.copyOf(refused);
    }

    /**
     * Returns the statuses refused.
     *
     * @return an unmodifiable set, empty for {@link #ignore()}
     */
    public Set<HealthStatus> refused() {
        return refused;
    }

    /**
     * Tells whether a check-in without a status is refused.
     *
     * @return whether a status is required
     */
    public boolean isStatusRequired() {
        return statusRequired;
    }

    /**
     * Returns the refusal this rule makes for a status, as a gate checks it; an offline kiosk checks with it too.
     *
     * @param status the visitor's health status, or null if the host has none
     * @return the refusal reason, or null if the rule admits the status
     */
    public @Nullable RefusalReason check(@Nullable HealthStatus status) {
        if (status == null) {
            return statusRequired ? RefusalReason.STATUS_REQUIRED : null;
        }
        return refused.contains(status) ? RefusalReason.STATUS_REFUSED : null;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof HealthRule other && refused.equals(other.refused)
                && statusRequired == other.statusRequired;
    }

    @Override
    public int hashCode() {
        return refused.hashCode() * 31 + Boolean.hashCode(statusRequired);
    }

    @Override
    public String toString() {
        return refused.isEmpty() && !statusRequired ? "HealthRule[ignore]"
                : "HealthRule[refuse " + refused + (statusRequired ? ", status required]" : ", status optional]");
    }
}
