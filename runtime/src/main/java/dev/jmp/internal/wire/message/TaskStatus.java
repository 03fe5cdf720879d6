package dev.jmp.internal.wire.message;

import com.google.gson.annotations.SerializedName;

/**
 * How a task ended ({@link TaskOutcome#status()}). On the wire each status is its lower-case name
 * ({@code "ok"}, {@code "failed"}, {@code "cancelled"}).
 */
public enum TaskStatus {
    /** The items ran: the outcome's frame holds one result per item, each a value or an error. */
    @SerializedName("ok") OK,
    /** The whole task failed before any item ran: the outcome's error says why. */
    @SerializedName("failed") FAILED,
    /** The task was cancelled before it finished. */
    @SerializedName("cancelled") CANCELLED
}
