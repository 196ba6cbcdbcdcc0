package dev.myelin.runtime.data;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** The element types of the idx format, by the code in the third byte of a file. */
public enum IdxType {
    UNSIGNED_BYTE(0x08, 1, "unsigned byte"),
    SIGNED_BYTE(0x09, 1, "signed byte"),
    SHORT(0x0B, 2, "short"),
    INT(0x0C, 4, "int"),
    FLOAT(0x0D, 4, "float"),
    DOUBLE(0x0E, 8, "double");

    /** Views of a byte[] as big-endian numbers, so elements are decoded in place, not copied. */
    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle FLOATS = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle DOUBLES = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.BIG_ENDIAN);

    private final int code;
    private final int bytes;
    private final String description;

    IdxType(int code, int bytes, String description) {
        this.code = code;
        this.bytes = bytes;
        this.description = description;
    }

    /** The type with this code, or null when the idx format has none. */
    static IdxType ofCode(int code) {
        for (IdxType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }

    /** "0x08 (unsigned byte), 0x09 (signed byte), ...": for messages. */
    static String codes() {
        StringBuilder text = new StringBuilder();
        for (IdxType type : values()) {
            text.append(text.length() == 0 ? "" : ", ").append(type);
        }
        return text.toString();
    }

    public int code() {
        return code;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** Element {@code index} of big-endian {@code data}, widened to double. */
    double decode(byte[] data, int index) {
        return switch (this) {
            case UNSIGNED_BYTE -> Byte.toUnsignedInt(data[index]);
            case SIGNED_BYTE -> data[index];
            case SHORT -> (short) SHORTS.get(data, 2 * index);
            case INT -> (int) INTS.get(data, 4 * index);
            case FLOAT -> (float) FLOATS.get(data, 4 * index);
            case DOUBLE -> (double) DOUBLES.get(data, 8 * index);
        };
    }

    @Override
    public String toString() {
        return String.format("0x%02x (%s)", code, description);
    }
}
