package dev.lawang.geo;

/**
 * The quantile function of the standard normal distribution, Φ⁻¹, by Peter Acklam's rational approximation
 * (relative error below 1.2e-9, ample for a decision threshold). {@link Geofence#locate(Fix, double)} turns its
 * confidence into a number of standard deviations with it.
 */
final class NormalQuantile {
    /** Below this probability (and above one minus it) the tail formula applies. */
    private static final double LOW = 0.02425;

    private NormalQuantile() {}

    /** Returns z such that Φ(z) = p, for p in (0, 1). */
    static double zScore(double p) {
        if (p < LOW) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                    - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
                    / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                    + 3.754408661907416e+00) * q + 1);
        }
        if (p > 1 - LOW) {
            return -zScore(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
                + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
                / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
                + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1);
    }
}
