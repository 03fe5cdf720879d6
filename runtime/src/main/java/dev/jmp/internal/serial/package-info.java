/**
 * The one value-serialization facade ({@link dev.jmp.internal.serial.Values}) with fast paths for
 * {@code byte[]}, primitive arrays, boxed primitives and strings, Java serialization for the
 * rest; packed lists of values ({@link dev.jmp.internal.serial.ValueList}), written and read in place
 * by {@link dev.jmp.internal.serial.BatchCodec}, and a job's items encoded once into one buffer
 * ({@link dev.jmp.internal.serial.ItemBuffer}) from which chunks are cut
 * ({@link dev.jmp.internal.serial.PackedItems}); the probe that names the
 * field path of a value that cannot be serialized; and the conversion of exceptions to data
 * ({@link dev.jmp.internal.serial.Errors}, long recursions trimmed by
 * {@link dev.jmp.internal.serial.RecursionTrim}), with {@link dev.jmp.internal.serial.Fault}, the failure a
 * runtime service raises for its caller as a code and a message.
 */
package dev.jmp.internal.serial;
