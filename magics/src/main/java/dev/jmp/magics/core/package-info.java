/**
 * The magics every jmp kernel has, registered by {@link dev.jmp.magics.core.BuiltinMagics}:
 * {@code %lsmagic} here, {@code %jars}/{@code %classpath}/{@code %maven} and {@code %sh} from
 * their packages.
 */
package dev.jmp.magics.core;
