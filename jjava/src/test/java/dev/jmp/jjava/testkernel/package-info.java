/**
 * A small Java kernel on JJava's base library ({@code jjava-jupyter} 1.0-a6), standing in for JJava's
 * kernel, which is not on Maven Central: extensions are found and installed by the library's own
 * {@code BaseKernel} (at start-up, for {@code JJAVA_CLASSPATH}, and on every {@code %jars}), magics
 * are parsed and run by the library's parser and {@code BaseNotebookStatics} inside a JShell
 * snippet, and JShell runs locally as JJava's does: a loader delegate keeping each class's bytes in
 * a {@code Map<String, byte[]>}, snippets on a thread pool, an interrupt cancelling their tasks.
 */
package dev.jmp.jjava.testkernel;
