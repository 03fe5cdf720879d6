package dev.jmp.spi;

/**
 * Receives worker output line by line, as it arrives. Lines of one worker arrive in order on one
 * thread; listeners should be quick (a slow listener slows that worker's output, never loses it).
 */
@FunctionalInterface
public interface OutputListener {

    /** Called for each line. */
    void onOutput(OutputEvent event);
}
