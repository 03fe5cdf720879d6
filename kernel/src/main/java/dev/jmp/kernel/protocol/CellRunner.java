package dev.jmp.kernel.protocol;

import dev.jmp.magics.CellFailure;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/**
 * What the execute handler needs of the kernel: run one cell. Kept this narrow so the handlers
 * do not depend on the kernel class (which installs them).
 */
@FunctionalInterface
public interface CellRunner {

    /**
     * Runs a cell.
     *
     * @param code           the cell
     * @param executionCount its execution count
     * @return what to show as the cell's result, or null
     * @throws CellFailure when the cell fails or is interrupted
     */
    DisplayData runCell(String code, int executionCount) throws CellFailure;
}
