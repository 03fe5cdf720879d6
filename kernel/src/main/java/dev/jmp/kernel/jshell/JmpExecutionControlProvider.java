package dev.jmp.kernel.jshell;

import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.util.Map;

/** Gives JShell a {@link JmpExecutionControl} that loads classes through the recording delegate. */
final class JmpExecutionControlProvider implements ExecutionControlProvider {

    private final JShellClassLoader loader;
    private final ClassRecorder recorder;
    private final NotebookText text;
    private volatile JmpExecutionControl control;

    JmpExecutionControlProvider(JShellClassLoader loader, ClassRecorder recorder, NotebookText text) {
        this.loader = loader;
        this.recorder = recorder;
        this.text = text;
    }

    @Override
    public String name() {
        return "jmp-local";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        control = new JmpExecutionControl(new RecordingLoaderDelegate(loader, recorder, text));
        return control;
    }

    JmpExecutionControl control() {
        return control;
    }
}
