package dev.jmp.internal.mapped;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.ObjectOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM started by a test, on the test's own classpath: lines to its stdin, lines from
 * its stdout (read by a thread, so waiting for one has a timeout), stderr kept for failure
 * messages. {@link Children} tracks every one so tests can prove none outlives them.
 */
public final class ChildJvm {

    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer stderr = new StringBuffer();

    private ChildJvm(Process process) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        pump(process.getInputStream(), true);
        pump(process.getErrorStream(), false);
    }

    static ChildJvm start(Path shmRoot, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx64m");
        command.add("-XX:+UseSerialGC");
        if (shmRoot != null) {
            command.add("-D" + MappedHome.DIR_PROPERTY + "=" + shmRoot);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(command).start());
    }

    /** Serializes {@code object} and encodes it in base64, the way tests hand proxies to children. */
    public static String encode(Object object) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public long pid() {
        return process.pid();
    }

    public void send(String line) throws IOException {
        stdin.write(line);
        stdin.write('\n');
        stdin.flush();
    }

    /** Returns the next stdout line, failing with the child's stderr if none comes in time. */
    public String nextLine(Duration timeout) throws InterruptedException {
        String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new AssertionError("child " + pid() + " printed no line within " + timeout
                    + (process.isAlive() ? "" : " (exited with " + process.exitValue() + ")")
                    + "; stderr:\n" + stderr);
        }
        return line;
    }

    /** Waits for the child to exit and returns its exit code. */
    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("child " + pid() + " did not exit within " + timeout + "; stderr:\n" + stderr);
        }
        return process.exitValue();
    }

    public String stderr() {
        return stderr.toString();
    }

    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(300, TimeUnit.SECONDS);
    }

    private void pump(InputStream stream, boolean out) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (out) {
                        lines.add(line);
                    } else {
                        stderr.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // The child exited; its pipes are closed.
            }
        }, "child-" + process.pid() + (out ? "-out" : "-err"));
        reader.setDaemon(true);
        reader.start();
    }
}
