package dev.jmp.internal.pool;

import dev.jmp.internal.serial.Errors;
import dev.jmp.internal.serial.ValueList;
import dev.jmp.internal.wire.message.TaskOutcome;
import dev.jmp.internal.wire.message.TaskStatus;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Reads a task's outcome into one {@link ItemResult} per item, the one place that knows how a
 * worker reports results: an {@link TaskStatus#OK OK} task's frame holds a value or an error per
 * item; a {@link TaskStatus#FAILED FAILED} task's error stands for all its items; a
 * {@link TaskStatus#CANCELLED CANCELLED} task's items were cancelled. The pool scheduler and
 * {@code Process} both read outcomes through it.
 */
public final class OutcomeDecoder {

    private final TaskOutcome outcome;
    private final ValueList.Reader items;

    private final RuntimeException unreadable;

    private OutcomeDecoder(TaskOutcome outcome, ValueList.Reader items, RuntimeException unreadable) {
        this.outcome = outcome;
        this.items = items;
        this.unreadable = unreadable;
    }

    /**
     * Decodes an outcome.
     *
     * @param outcome the outcome
     * @param frames  the data frames of the message that carried it
     */
    public static OutcomeDecoder of(TaskOutcome outcome, List<byte[]> frames) {
        if (outcome.status() != TaskStatus.OK) {
            return new OutcomeDecoder(outcome, null, null);
        }
        try {
            return new OutcomeDecoder(outcome, new ValueList.Reader(frames, outcome.frame()), null);
        } catch (IllegalArgumentException e) {
            // A signed message from our own worker, so a bug rather than an attack; its items fail
            // with what was wrong instead of the results thread failing.
            return new OutcomeDecoder(outcome, null, new IllegalStateException("the results of task "
                    + outcome.taskId() + " could not be read: " + e.getMessage()));
        }
    }

    /** The task's status; {@code null} if the worker sent one this side does not know. */
    public TaskStatus status() {
        return outcome.status();
    }

    /** Whether the task's items ran (it succeeded, or failed as a whole), so their timing means something. */
    public boolean ran() {
        return outcome.status() == TaskStatus.OK || outcome.status() == TaskStatus.FAILED;
    }

    /** Whether item {@code i} ran and threw: a failure of the item itself, which a retry may cure. */
    public boolean itemThrew(int i) {
        return items != null && i < items.size() && items.status(i) == ValueList.ERROR;
    }

    /** Item {@code i}'s result: its value, the error it threw, the task's error, or a cancellation. */
    public ItemResult item(int i) {
        if (unreadable != null) {
            return ItemResult.local(unreadable);
        }
        if (items != null) {
            if (i >= items.size()) {
                return ItemResult.local(new IllegalStateException("task " + outcome.taskId() + " returned "
                        + items.size() + " results, fewer than its items"));
            }
            byte status = items.status(i);
            return status == ValueList.ERROR ? ItemResult.remote(Errors.decode(items.item(i)))
                    : ItemResult.ok(items.item(i), status);
        }
        if (outcome.status() == TaskStatus.CANCELLED) {
            return ItemResult.local(new CancellationException("the task was cancelled"));
        }
        if (outcome.error() != null) {
            return ItemResult.remote(outcome.error());
        }
        return ItemResult.local(new IllegalStateException("task " + outcome.taskId() + " ended with "
                + (outcome.status() == null ? "a status this runtime does not know" : "status " + outcome.status())
                + " and no error (do parent and worker run the same jmp version?)"));
    }
}
