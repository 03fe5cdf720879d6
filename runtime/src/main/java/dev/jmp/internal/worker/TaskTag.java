package dev.jmp.internal.worker;

/**
 * Which job and item a thread is working on, for tagging its output.
 *
 * @param job  the job id, or -1 outside tasks
 * @param item the item index within the job, or -1
 */
public record TaskTag(long job, long item) {

    /** The tag of output printed outside any task. */
    public static final TaskTag NONE = new TaskTag(-1, -1);
}
