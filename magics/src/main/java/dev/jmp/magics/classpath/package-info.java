/**
 * Magics that add code to the notebook's class path: {@code %jars}, {@code %classpath}, {@code %maven};
 * and {@link dev.jmp.magics.classpath.ClasspathEntries}, the entry check every host kernel makes.
 */
package dev.jmp.magics.classpath;
