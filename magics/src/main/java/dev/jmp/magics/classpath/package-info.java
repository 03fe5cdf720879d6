/** Magics that add code to the notebook's class path: {@code %jars}, {@code %classpath}, {@code %maven}. */
package dev.jmp.magics.classpath;
