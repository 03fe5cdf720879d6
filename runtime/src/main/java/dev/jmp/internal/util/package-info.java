/**
 * Small helpers shared by the API and the machinery: the timeouts callers pass
 * ({@link dev.jmp.internal.util.Durations}), protocol enums looked up by wire name
 * ({@link dev.jmp.internal.util.WireNames}).
 */
package dev.jmp.internal.util;
