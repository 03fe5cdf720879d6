package dev.jmp.jjava;

import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostInternalsTest {

    /** A delegate shaped as JJava's: the bytes in a map beside other state. */
    static final class Delegate implements LoaderDelegate {
        final Map<String, Class<?>> loaded = new ConcurrentHashMap<>();
        final Map<String, byte[]> declared = new ConcurrentHashMap<>();

        @Override
        public void load(ExecutionControl.ClassBytecodes[] cbcs) {
        }

        @Override
        public void classesRedefined(ExecutionControl.ClassBytecodes[] cbcs) {
        }

        @Override
        public void addToClasspath(String path) {
        }

        @Override
        public Class<?> findClass(String name) throws ClassNotFoundException {
            throw new ClassNotFoundException(name);
        }
    }

    static final class Control {
        final Delegate loaderDelegate = new Delegate();
    }

    /** JJava 1.0-a6 reaches its execution control through a provider's map of controls by id. */
    static final class Provider {
        final Map<String, Control> controllers = new WeakHashMap<>();
    }

    static final class Evaluator {
        final String execControlID = "id-1";
        final Provider execControlProvider = new Provider();
    }

    static final class Kernel {
        final String name = "JJava";
        final Evaluator evaluator = new Evaluator();
    }

    @Test
    void findsTheDelegatesBytesThroughFieldsAndMaps() {
        Kernel kernel = new Kernel();
        Control control = new Control();
        kernel.evaluator.execControlProvider.controllers.put(kernel.evaluator.execControlID, control);
        Map<String, byte[]> found = HostInternals.declaredClasses(kernel).orElseThrow();
        assertSame(control.loaderDelegate.declared, found);
    }

    @Test
    void aKernelWithoutADelegateGivesNothing() {
        assertTrue(HostInternals.declaredClasses(new Kernel()).isEmpty());
        assertTrue(HostInternals.declaredClasses("not a kernel").isEmpty());
    }

    @Test
    void readsFieldsAndCallsMethodsByName() {
        Kernel kernel = new Kernel();
        assertEquals("JJava", HostInternals.field(kernel, "name").orElseThrow());
        assertTrue(HostInternals.field(kernel, "missing").isEmpty());
        assertEquals(5, HostInternals.call("hello", "length").orElseThrow());
        assertTrue(HostInternals.call(kernel, "missing").isEmpty());
    }
}
