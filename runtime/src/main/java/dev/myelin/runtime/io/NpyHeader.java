package dev.myelin.runtime.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The header of a NumPy .npy file: magic, version, length and the Python-literal dictionary. */
record NpyHeader(String descr, boolean fortranOrder, int[] shape) {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy aligns the data to 64 bytes so that files can be memory-mapped. */
    private static final int ALIGNMENT = 64;
    private static final int PREAMBLE_V1 = MAGIC.length + 2 + 2;
    private static final int MAX_HEADER_BYTES = 1 << 20;

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern STRUCTURED = Pattern.compile("'descr'\\s*:\\s*\\[");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** Encodes a version 1.0 header, padded with spaces and a newline to a multiple of 64 bytes. */
    byte[] encode() {
        return encode(0);
    }

    /**
     * Encodes a header at least {@code minBytes} long (a multiple of 64), so that a file written as
     * it grows can have its header rewritten in place with a longer shape.
     */
    byte[] encode(int minBytes) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortranOrder ? "True" : "False")
                + ", 'shape': " + pythonTuple(shape) + ", }";
        int unpadded = PREAMBLE_V1 + dict.length() + 1;
        int total = Math.max(unpadded, minBytes);
        total += (ALIGNMENT - total % ALIGNMENT) % ALIGNMENT;
        int padding = total - unpadded;
        String text = dict + " ".repeat(padding) + "\n";
        if (text.length() > 0xFFFF) {
            throw new IllegalArgumentException("shape " + pythonTuple(shape) + " is too long for a version 1.0 header");
        }
        ByteBuffer out = ByteBuffer.allocate(PREAMBLE_V1 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
        out.put(text.getBytes(StandardCharsets.US_ASCII));
        return out.array();
    }

    /** Reads the header from the start of {@code in}, leaving it at the first data byte. */
    static NpyHeader read(ReadableByteChannel in, Path file) throws IOException {
        ByteBuffer preamble = NpyChannels.readExactly(in, MAGIC.length + 2, file, "the .npy preamble");
        for (byte b : MAGIC) {
            if (preamble.get() != b) {
                throw new IOException(file + ": not a NumPy .npy file (its first bytes are not \\x93NUMPY)");
            }
        }
        int major = preamble.get();
        int lengthBytes = switch (major) {
            case 1 -> 2;
            case 2, 3 -> 4;
            default -> throw new IOException(file + ": unsupported .npy format version " + major);
        };
        ByteBuffer lengthField = NpyChannels.readExactly(in, lengthBytes, file, "the header length")
                .order(ByteOrder.LITTLE_ENDIAN);
        long length = lengthBytes == 2 ? Short.toUnsignedInt(lengthField.getShort()) : Integer.toUnsignedLong(lengthField.getInt());
        if (length > MAX_HEADER_BYTES) {
            throw new IOException(file + ": header claims " + length + " bytes, which is not plausible");
        }
        ByteBuffer raw = NpyChannels.readExactly(in, (int) length, file, "the header");
        String text = new String(raw.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return parse(text, file);
    }

    private static NpyHeader parse(String text, Path file) throws IOException {
        Matcher descr = DESCR.matcher(text);
        Matcher fortran = FORTRAN.matcher(text);
        Matcher shape = SHAPE.matcher(text);
        if (STRUCTURED.matcher(text).find()) {
            throw new IOException(file + ": structured (record) dtypes are not supported: " + text.strip());
        }
        if (!descr.find() || !fortran.find() || !shape.find()) {
            throw new IOException(file + ": header lacks 'descr', 'fortran_order' or 'shape': " + text.strip());
        }
        return new NpyHeader(descr.group(1), fortran.group(1).equals("True"), parseShape(shape.group(1), file));
    }

    private static int[] parseShape(String tuple, Path file) throws IOException {
        String[] parts = tuple.split(",");
        int count = 0;
        int[] dims = new int[parts.length];
        for (String part : parts) {
            String digits = part.strip();
            if (digits.endsWith("L")) {
                digits = digits.substring(0, digits.length() - 1); // Python 2 long literal
            }
            if (digits.isEmpty()) {
                continue;
            }
            try {
                dims[count] = Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                throw new IOException(file + ": shape (" + tuple + ") is not a tuple of array sizes");
            }
            if (dims[count] < 0) {
                throw new IOException(file + ": shape (" + tuple + ") has a negative size");
            }
            count++;
        }
        return Arrays.copyOf(dims, count);
    }

    /** Python's repr of a tuple of ints: (), (5,), (2, 3). */
    static String pythonTuple(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            text.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return text.append(')').toString();
    }
}
