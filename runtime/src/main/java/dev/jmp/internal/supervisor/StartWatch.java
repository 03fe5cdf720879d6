package dev.jmp.internal.supervisor;

/**
 * Decides when a launched worker that has not connected yet is given up.
 *
 * <p>The rule: a start is stuck when it makes no progress, not when it is slow. On a loaded host
 * a JVM may need minutes of wall time to reach its first connect while it still gets CPU now and
 * then, and killing it then is jmp's own doing (Python would just be slow). So for a worker on
 * this host whose CPU time can be read, the start timeout measures how long its CPU time has not
 * moved; a generous wall bound (the local silence bound) still ends a start that keeps spinning.
 * Where CPU time cannot be read (a remote worker), the start timeout is wall time from the launch.
 *
 * <p>Not thread-safe: the supervisor's heartbeat is its only caller.
 */
final class StartWatch {

    private long lastCpuNanos = -1;
    private long lastProgressMillis;

    /**
     * Checks one worker at one heartbeat.
     *
     * @param now            the current time (epoch millis)
     * @param launched       when its JVM was launched, or left a batch scheduler's queue (epoch millis)
     * @param startTimeout   the start timeout (millis)
     * @param wallBound      the wall bound for a local start that keeps using CPU (millis)
     * @param cpuNanos       the CPU time its process used so far, or -1 where it cannot be read
     * @return why it is given up, in words, or {@code null} to keep waiting
     */
    String check(long now, long launched, long startTimeout, long wallBound, long cpuNanos) {
        long age = now - launched;
        if (cpuNanos < 0) {
            return age > startTimeout ? "did not connect within " + age + " ms of its launch" : null;
        }
        if (lastCpuNanos < 0 || cpuNanos > lastCpuNanos) {
            lastCpuNanos = cpuNanos;
            lastProgressMillis = now;
        }
        long still = now - Math.max(lastProgressMillis, launched);
        if (still > startTimeout) {
            return "did not connect within " + age + " ms of its launch, and its CPU time stood still for the last "
                    + still + " ms";
        }
        if (age > Math.max(startTimeout, wallBound)) {
            return "did not connect within " + age + " ms of its launch";
        }
        return null;
    }
}
