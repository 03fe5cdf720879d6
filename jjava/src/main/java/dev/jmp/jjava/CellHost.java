package dev.jmp.jjava;

import java.io.PrintStream;

/** What {@link MagicRunner} needs from the kernel around one magic call. */
interface CellHost {

    /** Pins output to the running cell and brings the workers' class path up to date. */
    void enterCell();

    /** The running cell's source, or {@code null} when unknown. */
    String cellSource();

    /** Runs the magics' interrupt actions. */
    void interrupted();

    PrintStream out();

    PrintStream err();
}
