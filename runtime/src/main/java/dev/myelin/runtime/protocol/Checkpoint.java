package dev.myelin.runtime.protocol;

import dev.myelin.runtime.ModelError;
import dev.myelin.runtime.synapse.SpikeQueue;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A network's stored state in a file ({@code store to 'file'}), so that a later run can resume
 * from it ({@code restore from 'file'}): the time, the step, dt, the seed it was made with, and
 * every part of the state by name (see {@link dev.myelin.runtime.GeneratedNetwork#stateNames()}).
 * The format is Myelin's own: a magic header, then named, typed parts, big-endian.
 */
public record Checkpoint(String model, long seed, double dt, long step, double time, Map<String, Object> parts) {

    private static final byte[] MAGIC = "MYELINCK".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    // 2: flags (not_refractory, boolean variables) are stored as doubles, 0.0 or 1.0.
    private static final int VERSION = 2;
    private static final byte DOUBLES = 'D', INTS = 'I', BOOLEANS = 'Z', SHARED = 'S', QUEUE = 'Q';

    public Checkpoint {
        parts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }

    /**
     * Writes the checkpoint to {@code file} through a temporary file in the same folder, so an
     * interrupted write never leaves a damaged checkpoint where a good one was.
     */
    public void write(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        Path partial = null;
        try {
            Files.createDirectories(folder);
            // (Not createTempFile: its owner-only permissions would stay on the checkpoint.)
            partial = folder.resolve(file.getFileName() + ".partial");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16))) {
                out.write(MAGIC);
                out.writeInt(VERSION);
                out.writeUTF(model);
                out.writeLong(seed);
                out.writeDouble(dt);
                out.writeLong(step);
                out.writeDouble(time);
                out.writeInt(parts.size());
                for (Map.Entry<String, Object> part : parts.entrySet()) {
                    out.writeUTF(part.getKey());
                    writePart(out, part.getKey(), part.getValue());
                }
            }
            try {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ModelError("store to " + file + ": cannot write the checkpoint (" + e.getMessage() + ")");
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // Only a leftover temporary file; the checkpoint itself is complete or absent.
                }
            }
        }
    }

    private static void writePart(DataOutputStream out, String name, Object value) throws IOException {
        // Float variables (--precision float) are written widened, exactly: a checkpoint fits either precision.
        if (value instanceof float[] f) value = dev.myelin.runtime.FloatArrays.widened(f, f.length);
        if (value instanceof double[] a) {
            out.writeByte(DOUBLES);
            out.writeInt(a.length);
            for (double x : a) out.writeDouble(x);
        } else if (value instanceof int[] a) {
            out.writeByte(INTS);
            out.writeInt(a.length);
            for (int x : a) out.writeInt(x);
        } else if (value instanceof boolean[] a) {
            out.writeByte(BOOLEANS);
            out.writeInt(a.length);
            for (boolean x : a) out.writeBoolean(x);
        } else if (value instanceof Double x) {
            out.writeByte(SHARED);
            out.writeDouble(x);
        } else if (value instanceof SpikeQueue q) {
            out.writeByte(QUEUE);
            int[][] pending = q.pending();
            out.writeInt(pending.length);
            for (int[] due : pending) {
                out.writeInt(due.length);
                for (int e : due) out.writeInt(e);
            }
        } else {
            throw new IllegalArgumentException("part " + name + " of a state cannot be written: " + value);
        }
    }

    /** Reads a checkpoint; a missing, foreign, truncated or damaged file is a {@link ModelError} naming it. */
    public static Checkpoint read(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            long size = Files.size(file);
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) throw new ModelError("restore from " + file + ": this is not a Myelin checkpoint (a 'store to' statement writes one)");
            int version = in.readInt();
            if (version != VERSION) throw new ModelError("restore from " + file + ": the checkpoint has format version " + version + ", this Myelin reads version " + VERSION);
            String model = in.readUTF();
            long seed = in.readLong();
            double dt = in.readDouble();
            long step = in.readLong();
            double time = in.readDouble();
            int count = in.readInt();
            if (count < 0) throw damaged(file);
            Map<String, Object> parts = new LinkedHashMap<>();
            for (int k = 0; k < count; k++) {
                String name = in.readUTF();
                parts.put(name, readPart(in, file, size));
            }
            if (in.read() != -1) throw damaged(file);
            return new Checkpoint(model, seed, dt, step, time, parts);
        } catch (NoSuchFileException e) {
            throw new ModelError("restore from " + file + ": there is no such checkpoint; a 'store to' statement writes one (relative paths are inside the results directory)");
        } catch (EOFException e) {
            throw new ModelError("restore from " + file + ": the checkpoint is truncated (was its writing interrupted?)");
        } catch (IOException e) {
            throw new ModelError("restore from " + file + ": cannot read the checkpoint (" + e.getMessage() + ")");
        }
    }

    /** One part; {@code size} (the file's) bounds the lengths, so a damaged length cannot ask for gigabytes. */
    private static Object readPart(DataInputStream in, Path file, long size) throws IOException {
        byte kind = in.readByte();
        if (kind == SHARED) return in.readDouble();
        int n = in.readInt();
        int width = kind == DOUBLES ? 8 : kind == BOOLEANS ? 1 : 4;
        if (n < 0 || (long) n * width > size || (kind == QUEUE && Integer.bitCount(n) != 1)) throw damaged(file);
        switch (kind) {
            case DOUBLES -> {
                double[] a = new double[n];
                for (int i = 0; i < n; i++) a[i] = in.readDouble();
                return a;
            }
            case INTS -> {
                return readInts(in, n);
            }
            case BOOLEANS -> {
                boolean[] a = new boolean[n];
                for (int i = 0; i < n; i++) a[i] = in.readBoolean();
                return a;
            }
            case QUEUE -> {
                int[][] pending = new int[n][];
                for (int d = 0; d < n; d++) {
                    int due = in.readInt();
                    if (due < 0 || 4L * due > size) throw damaged(file);
                    pending[d] = readInts(in, due);
                }
                return SpikeQueue.ofPending(pending);
            }
            default -> throw damaged(file);
        }
    }

    private static int[] readInts(DataInputStream in, int n) throws IOException {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = in.readInt();
        return a;
    }

    private static ModelError damaged(Path file) {
        return new ModelError("restore from " + file + ": the checkpoint is damaged");
    }
}
