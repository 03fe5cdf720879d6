package dev.jmp.magics.scan;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

/** Big-endian reads over a byte array, with bounds checks that name the offset. */
final class ByteCursor {

    private final byte[] bytes;
    private int position;

    ByteCursor(byte[] bytes, int position) {
        this.bytes = bytes;
        this.position = position;
    }

    int position() {
        return position;
    }

    private void need(int count) {
        if (count < 0 || position + count > bytes.length || position + count < 0) {
            throw new ClassFileException("truncated class file: need " + count
                    + " bytes at offset " + position + " of " + bytes.length);
        }
    }

    int u1() {
        need(1);
        return bytes[position++] & 0xFF;
    }

    int u2() {
        need(2);
        int value = ((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF);
        position += 2;
        return value;
    }

    int s4() {
        need(4);
        int value = ((bytes[position] & 0xFF) << 24) | ((bytes[position + 1] & 0xFF) << 16)
                | ((bytes[position + 2] & 0xFF) << 8) | (bytes[position + 3] & 0xFF);
        position += 4;
        return value;
    }

    /** Reads an unsigned 4-byte length, refusing lengths that cannot fit the array. */
    int length4() {
        int value = s4();
        if (value < 0) {
            throw new ClassFileException("length " + Integer.toUnsignedString(value)
                    + " too large at offset " + (position - 4));
        }
        return value;
    }

    long s8() {
        long high = s4() & 0xFFFFFFFFL;
        long low = s4() & 0xFFFFFFFFL;
        return (high << 32) | low;
    }

    void skip(int count) {
        need(count);
        position += count;
    }

    byte[] take(int count) {
        need(count);
        byte[] slice = new byte[count];
        System.arraycopy(bytes, position, slice, 0, count);
        position += count;
        return slice;
    }

    /** Reads a u2-length-prefixed modified UTF-8 string, as CONSTANT_Utf8 stores it. */
    String modifiedUtf8() {
        int start = position;
        int length = u2();
        need(length);
        position += length;
        try (DataInputStream in = new DataInputStream(
                new ByteArrayInputStream(bytes, start, length + 2))) {
            return in.readUTF();
        } catch (IOException e) {
            throw new ClassFileException("malformed modified UTF-8 at offset " + start + ": " + e.getMessage());
        }
    }
}
