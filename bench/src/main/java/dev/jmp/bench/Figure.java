package dev.jmp.bench;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

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
    private final String peerLabel;
    private final UnaryOperator<List<String>> peerCommand;
    private final String onlyWhenNamed;

    private Figure(String name, String unit, boolean higherIsBetter, String peerScript, String peerCase,
                   Measurement measurement, String peerLabel, UnaryOperator<List<String>> peerCommand,
                   String onlyWhenNamed) {
        this.name = Objects.requireNonNull(name);
        this.unit = Objects.requireNonNull(unit);
        this.higherIsBetter = higherIsBetter;
        this.peerScript = peerScript;
        this.peerCase = peerCase;
        this.measurement = Objects.requireNonNull(measurement);
        this.peerLabel = Objects.requireNonNull(peerLabel);
        this.peerCommand = Objects.requireNonNull(peerCommand);
        this.onlyWhenNamed = onlyWhenNamed;
    }

    private Figure(String name, String unit, boolean higherIsBetter, String peerScript, String peerCase,
                   Measurement measurement) {
        this(name, unit, higherIsBetter, peerScript, peerCase, measurement, "python multiprocessing",
                UnaryOperator.identity(), null);
    }

    /**
     * This figure with a peer other than {@code multiprocessing}, run through a wrapper (for
     * example inside a network namespace).
     *
     * @param label what the peer is, for the JSON line, such as {@code ipyparallel}
     * @param command turns the plain peer command ({@code python script case}) into the one run
     * @return the changed figure
     */
    public Figure peer(String label, UnaryOperator<List<String>> command) {
        return new Figure(name, unit, higherIsBetter, peerScript, peerCase, measurement, label, command,
                onlyWhenNamed);
    }

    /**
     * This figure, left out of a run without arguments: it runs only when named (or its prefix is).
     *
     * @param why why, for {@code --list}, such as {@code needs root}
     * @return the changed figure
     */
    public Figure onlyWhenNamed(String why) {
        return new Figure(name, unit, higherIsBetter, peerScript, peerCase, measurement, peerLabel, peerCommand,
                Objects.requireNonNull(why));
    }

    /** @return why the figure runs only when named, or {@code null} if a plain run includes it */
    public String onlyWhenNamed() {
        return onlyWhenNamed;
    }

    /** @return what the peer is, such as {@code python multiprocessing} */
    public String peerLabel() {
        return peerLabel;
    }

    /**
     * The command that runs the peer.
     *
     * @param plain {@code python script case}
     * @return the command to run
     */
    public List<String> peerCommand(List<String> plain) {
        return peerCommand.apply(plain);
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
