package dev.jmp.kernel.protocol;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import org.zeromq.ZMQ;

import java.io.PrintStream;
import java.lang.reflect.Field;
import java.security.GeneralSecurityException;

/**
 * Replaces basekernel's shell and control channels by ones that look for requests every
 * {@value #LOOP_SLEEP_MILLIS} ms instead of every 50 ms.
 *
 * <p>basekernel's channel loop polls its socket without waiting, then sleeps a fixed time; with
 * its default of 50 ms every request waits 25 ms on average (50 at worst) before the kernel
 * sees it, which was most of the time a quick cell or a warm {@code %%pool} took. The channels
 * take the sleep as a constructor argument, but {@link JupyterConnection} builds them with the
 * default and keeps them in final fields, so they are swapped before the connection binds. A
 * short sleep costs a few hundred idle wake-ups a second (well under 1% of a core).
 */
public final class QuickShellChannels {

    /** How long the shell and control loops sleep between polls. */
    public static final long LOOP_SLEEP_MILLIS = 2;

    private QuickShellChannels() {
    }

    /**
     * Swaps the channels of a connection that is not connected yet. Leaves basekernel's
     * channels in place (with a note in the log) if its internals are not as expected.
     *
     * @param connection the connection, before {@code connect()}
     * @param properties its connection properties (for the message signer)
     * @param log        the kernel's log
     */
    public static void install(JupyterConnection connection, KernelConnectionProperties properties, PrintStream log) {
        try {
            ZMQ.Context ctx = (ZMQ.Context) field("ctx").get(connection);
            swap(connection, "shell", new ShellChannel(ctx, properties.createHMACGenerator(), false, connection,
                    LOOP_SLEEP_MILLIS));
            swap(connection, "control", new ShellChannel(ctx, properties.createHMACGenerator(), true, connection,
                    LOOP_SLEEP_MILLIS));
        } catch (ReflectiveOperationException | GeneralSecurityException | RuntimeException e) {
            log.println("jmp kernel: keeping basekernel's 50 ms shell loop (" + e + ")");
        }
    }

    private static void swap(JupyterConnection connection, String name, ShellChannel replacement)
            throws ReflectiveOperationException {
        Field f = field(name);
        ShellChannel old = (ShellChannel) f.get(connection);
        f.set(connection, replacement);
        old.close();
    }

    private static Field field(String name) throws NoSuchFieldException {
        Field f = JupyterConnection.class.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
