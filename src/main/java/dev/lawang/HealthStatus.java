package dev.lawang;

/**
 * A visitor's health status as the host's health system reports it: the four categories the national check-in app
 * showed.
 *
 * <p>The gate compares it with its {@link HealthRule} and never stores it.
 */
public enum HealthStatus {
    /** Fully vaccinated, no known infection or contact: may enter. */
    GREEN,
    /** Not fully vaccinated: may enter some places. */
    YELLOW,
    /** Not vaccinated, or not allowed in public places. */
    RED,
    /** Infected or a close contact: must isolate. */
    BLACK
}
