package dev.lawang;

import org.jspecify.annotations.Nullable;

/**
 * What a walk-in's manual screening must show: a body temperature below a threshold, a mask, washed hands.
 *
 * <p>{@link #standard()} is the protocol offices used: below 37.5 °C, mask on, hands washed. Immutable and
 * thread-safe.
 */
public final class ScreeningProtocol {
    /** The standard temperature threshold: a visitor must measure strictly below 37.5 °C. */
    public static final double STANDARD_MAX_TEMPERATURE = 37.5;

    private static final ScreeningProtocol STANDARD = new ScreeningProtocol(STANDARD_MAX_TEMPERATURE, true, true);

    private final double temperatureBelow;
    private final boolean maskRequired;
    private final boolean handWashRequired;

    private ScreeningProtocol(double temperatureBelow, boolean maskRequired, boolean handWashRequired) {
        this.temperatureBelow = temperatureBelow;
        this.maskRequired = maskRequired;
        this.handWashRequired = handWashRequired;
    }

    /**
     * Returns the standard protocol: below 37.5 °C, mask on, hands washed.
     *
     * @return the protocol
     */
    public static ScreeningProtocol standard() {
        return STANDARD;
    }

    /**
     * Returns this protocol with another temperature threshold.
     *
     * @param celsius the temperature a visitor must measure strictly below, from 35 to 42
     * @return the protocol
     * @throws IllegalArgumentException if {@code celsius} is outside 35 to 42
     */
    public ScreeningProtocol withTemperatureBelow(double celsius) {
        if (!(celsius >= 35 && celsius <= 42)) {
            throw new IllegalArgumentException("temperature threshold must be from 35 to 42 °C: " + celsius);
        }
        return new ScreeningProtocol(celsius, maskRequired, handWashRequired);
    }

    /**
     * Returns this protocol requiring a mask, or not.
     *
     * @param required whether a mask is required
     * @return the protocol
     */
    public ScreeningProtocol withMaskRequired(boolean required) {
        return new ScreeningProtocol(temperatureBelow, required, handWashRequired);
    }

    /**
     * Returns this protocol requiring washed hands, or not.
     *
     * @param required whether washed hands are required
     * @return the protocol
     */
    public ScreeningProtocol withHandWashRequired(boolean required) {
        return new ScreeningProtocol(temperatureBelow, maskRequired, required);
    }

    /**
     * Returns the temperature a visitor must measure strictly below.
     *
     * @return degrees Celsius
     */
    public double temperatureBelow() {
        return temperatureBelow;
    }

    /**
     * Tells whether a mask is required.
     *
     * @return whether a mask is required
     */
    public boolean isMaskRequired() {
        return maskRequired;
    }

    /**
     * Tells whether washed hands are required.
     *
     * @return whether washed hands are required
     */
    public boolean isHandWashRequired() {
        return handWashRequired;
    }

    /**
     * Checks a screening.
     *
     * @param screening the screening
     * @return whether it passes every requirement
     */
    public boolean passes(Screening screening) {
        return failure(java.util.Objects.requireNonNull(screening, "screening")) == null;
    }

    /** Which requirement failed, in words without the measured values; null if it passes. */
    @Nullable String failure(Screening s) {
        if (!(s.temperatureCelsius() < temperatureBelow)) {
            return "temperature not below " + temperatureBelow + " °C";
        }
        if (maskRequired && !s.masked()) {
            return "no mask";
        }
        if (handWashRequired && !s.handsWashed()) {
            return "hands not washed";
        }
        return null;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ScreeningProtocol p && temperatureBelow == p.temperatureBelow
                && maskRequired == p.maskRequired && handWashRequired == p.handWashRequired;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(temperatureBelow) * 31 + (maskRequired ? 2 : 0) + (handWashRequired ? 1 : 0);
    }

    @Override
    public String toString() {
        return "ScreeningProtocol[temperature below " + temperatureBelow + " °C"
                + (maskRequired ? ", mask" : "") + (handWashRequired ? ", hands washed" : "") + "]";
    }
}
