package dev.myelin.runtime.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;

/** Whole-buffer reads and writes on channels, which may otherwise transfer only part of a buffer. */
final class NpyChannels {

    private NpyChannels() {
    }

    static ByteBuffer readExactly(ReadableByteChannel in, int bytes, Path file, String what) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(bytes);
        fill(in, buffer, file, what);
        return buffer.flip();
    }

    /** Fills the buffer's remaining space completely, or fails naming the file and what was cut short. */
    static void fill(ReadableByteChannel in, ByteBuffer buffer, Path file, String what) throws IOException {
        while (buffer.hasRemaining()) {
            if (in.read(buffer) < 0) {
                throw new IOException(file + ": file ends inside " + what + " (" + buffer.remaining() + " bytes missing)");
            }
        }
    }

    static void writeFully(WritableByteChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }
}
