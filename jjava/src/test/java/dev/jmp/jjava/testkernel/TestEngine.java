package dev.jmp.jjava.testkernel;

import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.util.List;
import java.util.Map;

/** The test kernel's JShell, run by {@link TestExecutionControl}, and its evaluation loop. */
final class TestEngine implements ExecutionControlProvider {

    private volatile TestExecutionControl control;
    private final JShell shell;

    TestEngine() {
        this.shell = JShell.builder().out(System.out).err(System.err).in(System.in)
                .executionEngine(this, Map.of()).build();
    }

    @Override
    public String name() {
        return "jmp-test-kernel";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        control = new TestExecutionControl(new TestLoaderDelegate());
        return control;
    }

    JShell shell() {
        return shell;
    }

    ClassLoader classLoader() {
        return control.classLoader();
    }

    void interrupt() {
        control.interrupt();
    }

    /** Runs every snippet of the code in turn; returns the last one's value (as JJava does). */
    Object eval(String code) {
        Object last = null;
        SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(code);
        while (info.completeness().isComplete()) {
            last = evalSnippet(info.source());
            info = shell.sourceCodeAnalysis().analyzeCompletion(info.remaining());
        }
        if (info.completeness() != SourceCodeAnalysis.Completeness.EMPTY) {
            throw new IllegalArgumentException("Incomplete input: " + info.remaining().trim());
        }
        return last;
    }

    private Object evalSnippet(String source) {
        List<SnippetEvent> events = shell.eval(source);
        Object result = null;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null || event.value() == null) {
                continue;
            }
            Snippet.SubKind kind = event.snippet().subKind();
            Object value = kind.isExecutable() ? control.takeResult(event.value()) : event.value();
            result = switch (kind) {
                case VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND, TEMP_VAR_EXPRESSION_SUBKIND -> value;
                default -> null;
            };
        }
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;
            }
            JShellException e = event.exception();
            if (e instanceof EvalException ee) {
                if (TestExecutionControl.INTERRUPTED.equals(ee.getExceptionClassName())) {
                    throw new IllegalStateException("Evaluation interrupted.");
                }
                throw new RuntimeException(ee.getExceptionClassName() + ", " + ee.getMessage(), ee);
            } else if (e != null) {
                throw new RuntimeException(e);
            }
            if (!event.status().isDefined()) {
                StringBuilder message = new StringBuilder("does not compile: " + source.strip());
                shell.diagnostics(event.snippet()).forEach(d -> message.append('\n').append(d.getMessage(null)));
                throw new IllegalArgumentException(message.toString());
            }
        }
        return result;
    }
}
