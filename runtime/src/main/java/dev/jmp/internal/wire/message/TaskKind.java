package dev.jmp.internal.wire.message;

import com.google.gson.annotations.SerializedName;

/**
 * How a worker calls a task's function on each item ({@link TaskSpec#kind()}). On the wire each
 * kind is its lower-case name ({@code "call"}, {@code "star"}, ...); a kind this side does not
 * know decodes as {@code null}, which the worker reports as a failed task.
 */
public enum TaskKind {
    /** A {@code Callable}: no argument, its value is the result. */
    @SerializedName("call") CALL,
    /** A {@code SerialRunnable}: no argument, no result. */
    @SerializedName("run") RUN,
    /** A {@code SerialFunction} applied to each item. */
    @SerializedName("apply") APPLY,
    /** A {@code StarFunction} applied to each item's argument array. */
    @SerializedName("star") STAR,
    /** A {@code SerialBiFunction} applied to each item's two arguments. */
    @SerializedName("bi") BI,
    /** A {@code Process} subclass: its {@code run()} is the body. */
    @SerializedName("process") PROCESS,
    /** Loads the function ahead of need (an idle warm worker): runs nothing, reports nothing. */
    @SerializedName("prime") PRIME
}
