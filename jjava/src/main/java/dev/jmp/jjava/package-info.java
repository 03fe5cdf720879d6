/**
 * The magics as an extension of a stock JJava kernel: {@link dev.jmp.jjava.JmpExtension} is found
 * by JJava's {@code ServiceLoader} and registers every jmp magic in JJava's registry, through an
 * adapter of the magics' {@code KernelCallbacks} to JJava's kernel. What JJava does not offer as
 * API (the bytes of the classes JShell defined, the running request) is read from its internals
 * by {@link dev.jmp.jjava.HostInternals}, which says in one message what does not work when they
 * are missing.
 */
package dev.jmp.jjava;
