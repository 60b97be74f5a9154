package dev.lawang;

/**
 * The result of a manual screening at the door, for a walk-in at a site without a code: body temperature, mask,
 * hands washed.
 *
 * <p>The gate checks it against its {@link ScreeningProtocol} and never stores it. Immutable and thread-safe.
 *
 * @param temperatureCelsius the measured body temperature in degrees Celsius, from 30 to 45
 * @param masked whether the visitor wears a mask
 * @param handsWashed whether the visitor washed or sanitised their hands
 */
public record Screening(double temperatureCelsius, boolean masked, boolean handsWashed) {
    /** The lowest temperature accepted as a measurement; anything lower is a misreading. */
    public static final double MIN_TEMPERATURE = 30;
    /** The highest temperature accepted as a measurement. */
    public static final double MAX_TEMPERATURE = 45;

    /**
     * Validates the measurement.
     *
     * @param temperatureCelsius from 30 to 45 °C, a number
     * @param masked whether a mask was worn
     * @param handsWashed whether hands were washed
     * @throws IllegalArgumentException if the temperature is not a number from 30 to 45
     */
    public Screening {
        if (!(temperatureCelsius >= MIN_TEMPERATURE && temperatureCelsius <= MAX_TEMPERATURE)) {
            throw new IllegalArgumentException("body temperature must be from " + MIN_TEMPERATURE + " to "
                    + MAX_TEMPERATURE + " °C");
        }
    }

    /**
     * Returns a screening result.
     *
     * @param temperatureCelsius the body temperature in degrees Celsius
     * @param masked whether the visitor wears a mask
     * @param handsWashed whether the visitor washed their hands
     * @return the result
     * @throws IllegalArgumentException if the temperature is not a number from 30 to 45
     */
    public static Screening of(double temperatureCelsius, boolean masked, boolean handsWashed) {
        return new Screening(temperatureCelsius, masked, handsWashed);
    }

    /**
     * Describes the screening without the measured values, which are health data.
     *
     * @return {@code "Screening[redacted]"}
     */
    @Override
    public String toString() {
        return "Screening[redacted]";
    }
}
