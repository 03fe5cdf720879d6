/**
 * Small helpers shared by the API and the machinery: the timeouts callers pass
 * ({@link dev.jmp.internal.util.Durations}), protocol enums looked up by wire name
 * ({@link dev.jmp.internal.util.WireNames}), the start token that tells a process from a later
 * one with the same pid, and the one sweeper of files that dead processes left behind
 * ({@code DeadOwners}).
 */
package dev.jmp.internal.util;
