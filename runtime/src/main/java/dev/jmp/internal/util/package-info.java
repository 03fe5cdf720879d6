/**
 * Small pieces shared by the API and the machinery: the checks of timeouts callers pass, the
 * start token that tells a process from a later one with the same pid, and the one sweeper of
 * files that dead processes left behind ({@code DeadOwners}).
 */
package dev.jmp.internal.util;
