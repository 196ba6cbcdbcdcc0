package dev.myelin.runtime;

/**
 * Whether the Java heap has room for a large allocation, asked before growing synapses or a
 * monitor's recording, so that a model too large is refused with a message rather than with
 * OutOfMemoryError in the middle of a run.
 */
public final class HeapRoom {

    private HeapRoom() {
    }

    /** Whether {@code bytes} more fit in the heap; collects garbage first when it is close. */
    public static boolean canHold(long bytes) {
        if (bytes < free()) return true;
        System.gc(); // Only near the limit: what is in use may be mostly garbage.
        return bytes < free();
    }

    /** The heap's limit in GB, for messages: "2.0 GB". */
    public static String limit() {
        return gigabytes(Runtime.getRuntime().maxMemory());
    }

    public static String gigabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
    }

    /** A size for messages, in the unit that reads best: "640 MB", "2.1 GB". */
    public static String size(long bytes) {
        if (bytes >= 1L << 30) return gigabytes(bytes);
        return String.format(java.util.Locale.ROOT, "%d MB", Math.max(1, (bytes + (1L << 20) - 1) >> 20));
    }

    /** The bytes of heap in use now, garbage included. */
    public static long inUse() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long free() {
        return Runtime.getRuntime().maxMemory() - inUse();
    }
}
