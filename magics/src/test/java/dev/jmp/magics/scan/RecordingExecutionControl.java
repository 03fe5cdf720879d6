package dev.jmp.magics.scan;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's in-process execution control, recording the name and bytes of every class JShell
 * loads, as the kernel does.
 */
final class RecordingExecutionControl extends LocalExecutionControl {

    final Map<String, byte[]> recorded = new ConcurrentHashMap<>();

    @Override
    public void load(ClassBytecodes[] classes)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        for (ClassBytecodes c : classes) {
            recorded.put(c.name(), c.bytecodes());
        }
        super.load(classes);
    }

    /** @return the class as JShell's own loader defined it */
    Class<?> loaded(String binaryName) throws ClassNotFoundException {
        return findClass(binaryName);
    }

    /** @return a provider handing JShell this control */
    ExecutionControlProvider provider() {
        RecordingExecutionControl control = this;
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "recording";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        };
    }
}
