package dev.jmp.internal.wire.message;

/**
 * How one task of a {@link TaskResults} batch ended.
 *
 * @param taskId     the task
 * @param status     {@link TaskStatus#OK} (the frame holds one result per item, each a value or
 *                   an error), {@link TaskStatus#FAILED} (the whole task failed before any item
 *                   ran: see error) or {@link TaskStatus#CANCELLED}
 * @param nanos      time spent running the items
 * @param frame      data frame with the item results, or -1
 * @param outputSync whether the task printed: the parent then waits for the task's end marker
 *                   on the worker's output pipe before completing it, so output precedes results
 * @param error      the failure when status is {@link TaskStatus#FAILED}
 * @param startMicros when the task started running its items (epoch microseconds on the worker),
 *                    or 0 if unknown: with {@code nanos}, what a timeline of the job shows
 */
public record TaskOutcome(long taskId, TaskStatus status, long nanos, int frame, boolean outputSync,
                          ErrorInfo error, long startMicros) {

    /** An outcome without a start time. */
    public TaskOutcome(long taskId, TaskStatus status, long nanos, int frame, boolean outputSync, ErrorInfo error) {
        this(taskId, status, nanos, frame, outputSync, error, 0);
    }
}
