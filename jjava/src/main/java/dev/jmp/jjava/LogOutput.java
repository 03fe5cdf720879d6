package dev.jmp.jjava;

import dev.jmp.magics.CellOutput;

import java.io.PrintStream;
import java.util.Map;

/** Output that belongs to no cell (before any jmp magic ran): the kernel's log, as text. */
final class LogOutput implements CellOutput {

    private final PrintStream log;

    LogOutput(PrintStream log) {
        this.log = log;
    }

    @Override
    public void stdout(String text) {
        log.print(text);
    }

    @Override
    public void stderr(String text) {
        log.print(text);
    }

    @Override
    public void display(String displayId, Map<String, String> bundle) {
        log.println(bundle.getOrDefault("text/plain", ""));
    }

    @Override
    public void updateDisplay(String displayId, Map<String, String> bundle) {
        // a display nobody sees is not updated
    }
}
