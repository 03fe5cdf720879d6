package dev.jmp.bench;

import java.util.Objects;

/**
 * One benchmark figure: its name (for example {@code shared.counter_incr_per_s}), its unit,
 * whether higher is better, how to measure it in Java, and the Python {@code multiprocessing}
 * peer measured in the same run ({@code bench/py/<peerScript> <peerCase>}, which prints the
 * peer's figure in the same unit as its last stdout line).
 */
public final class Figure {

    /** Measures a figure once and returns its value in the figure's unit. */
    @FunctionalInterface
    public interface Measurement {
        /**
         * Runs the measurement.
         *
         * @return the measured value
         * @throws Exception if the measurement failed; the harness reports it and goes on
         */
        double measure() throws Exception;
    }

    private final String name;
    private final String unit;
    private final boolean higherIsBetter;
    private final String peerScript;
    private final String peerCase;
    private final Measurement measurement;

    private Figure(String name, String unit, boolean higherIsBetter, String peerScript, String peerCase,
                   Measurement measurement) {
        this.name = Objects.requireNonNull(name);
        this.unit = Objects.requireNonNull(unit);
        this.higherIsBetter = higherIsBetter;
        this.peerScript = peerScript;
        this.peerCase = peerCase;
        this.measurement = Objects.requireNonNull(measurement);
    }

    /**
     * A figure where more is better (throughput).
     *
     * @param name the figure's name, {@code area.what_unit}
     * @param unit the unit, for example {@code ops/s}
     * @param peerScript the Python peer script under {@code bench/py/}, or {@code null} for none
     * @param peerCase the case argument passed to the peer script
     * @param measurement how to measure the Java side
     * @return the figure
     */
    public static Figure higherIsBetter(String name, String unit, String peerScript, String peerCase,
                                        Measurement measurement) {
        return new Figure(name, unit, true, peerScript, peerCase, measurement);
    }

    /**
     * A figure where less is better (latency, memory); its ratio is peer divided by jmp.
     *
     * @param name the figure's name
     * @param unit the unit, for example {@code ms}
     * @param peerScript the Python peer script under {@code bench/py/}, or {@code null} for none
     * @param peerCase the case argument passed to the peer script
     * @param measurement how to measure the Java side
     * @return the figure
     */
    public static Figure lowerIsBetter(String name, String unit, String peerScript, String peerCase,
                                       Measurement measurement) {
        return new Figure(name, unit, false, peerScript, peerCase, measurement);
    }

    /** @return the figure's name */
    public String name() {
        return name;
    }

    /** @return the unit */
    public String unit() {
        return unit;
    }

    /** @return the peer script under {@code bench/py/}, or {@code null} */
    public String peerScript() {
        return peerScript;
    }

    /** @return the case argument for the peer script */
    public String peerCase() {
        return peerCase;
    }

    /** @return how to measure the Java side */
    public Measurement measurement() {
        return measurement;
    }

    /**
     * Returns how much better jmp is than its peer: above 1 means jmp wins, whichever way the
     * unit points.
     *
     * @param value the jmp figure
     * @param peer the peer figure
     * @return the ratio, or {@code NaN} if either is missing or zero
     */
    public double ratio(double value, double peer) {
        if (!(value > 0) || !(peer > 0)) {
            return Double.NaN;
        }
        return higherIsBetter ? value / peer : peer / value;
    }
}
