/**
 * The worker JVM: {@link dev.jmp.internal.worker.WorkerMain} reads its secret bootstrap from standard
 * input, connects to the parent, runs tasks on its main thread (recording the running item in a
 * mapped progress word the parent reads after a death), captures output tagged with the
 * running task, fetches missing classes from the parent, and exits when the parent goes away.
 * A {@code Process} body ends as a Python child process does ({@link dev.jmp.internal.worker.ProgramEnd}):
 * its non-daemon threads and child processes are waited for before its outcome is sent.
 * Its service client ({@code WireServiceClient}) is assembled from parts with one role each:
 * {@code PendingCalls} matches replies to waiting calls, {@code OneWayBatch} and
 * {@code OneWayBatcher} send one-way calls together, {@code ChannelRoute} chooses JeroMQ or a
 * direct channel, and {@code ChannelConnector} opens a channel.
 */
package dev.jmp.internal.worker;
