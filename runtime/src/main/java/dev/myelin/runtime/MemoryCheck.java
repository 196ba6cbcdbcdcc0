package dev.myelin.runtime;

import dev.myelin.runtime.monitor.Recorder;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What a model will need of the Java heap, asked before it is allocated: the neuron groups before
 * the network is built, each run's monitor recordings before the run starts. A model that cannot
 * fit is refused with what it needs and how to make it fit; one that needs a lot is told so on
 * {@code notes} (a line, not a question), once for every doubling, so a loop of short runs does not
 * repeat it. Synapses are checked as connect makes them ({@code Connections}), spike monitors not
 * at all (how many spikes a run makes is not known before it runs).
 */
public final class MemoryCheck {

    /** The heap: its limit, and what is in use (after collecting garbage when asked: a precise but slow answer). */
    public interface Heap {
        long limit();

        long inUse(boolean collect);

        /** This machine's physical memory, or 0 when unknown. */
        long machine();
    }

    /** The heap of this JVM. */
    public static final Heap JAVA = new Heap() {
        @Override
        public long limit() {
            return Runtime.getRuntime().maxMemory();
        }

        @Override
        public long inUse(boolean collect) {
            if (collect) System.gc();
            return HeapRoom.inUse();
        }

        @Override
        public long machine() {
            return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getTotalMemorySize() : 0;
        }
    };

    /** A need this large is worth a note: 1 GB, or half the heap when the heap is smaller than 2 GB. */
    private static final long NOTABLE = 1L << 30;

    /** The share of the heap a model may plan to fill: the rest is for what the JVM needs beside the model's arrays. */
    private static final double USABLE = 0.95;

    private final Heap heap;
    private final PrintStream notes;
    /** The largest need noted so far; a new note needs twice that. */
    private long noted;
    private boolean ranBefore;

    /** {@code notes} may be null: nothing is printed, refusals still happen. */
    public MemoryCheck(Heap heap, PrintStream notes) {
        this.heap = heap;
        this.notes = notes;
    }

    /** One neuron group's arrays: {@code bytesPerNeuron} over all its variables and bookkeeping. */
    public record Group(String name, long size, long bytesPerNeuron) {
        long bytes() {
            return size * bytesPerNeuron;
        }
    }

    /** Before the network's arrays are allocated: refuses groups that cannot fit, notes large ones. */
    public void groups(List<Group> groups) {
        long bytes = groups.stream().mapToLong(Group::bytes).sum();
        if (bytes < notable()) return;
        long inUse = heap.inUse(true);
        List<Group> largest = new ArrayList<>(groups);
        largest.sort(Comparator.comparingLong(Group::bytes).reversed());
        List<String> parts = new ArrayList<>();
        for (Group g : largest.subList(0, Math.min(3, largest.size()))) {
            parts.add(String.format(Locale.ROOT, "%s: %,d neurons × %d bytes", g.name(), g.size(), g.bytesPerNeuron()));
        }
        if (largest.size() > 3) parts.add("and " + (largest.size() - 3) + " more");
        Need need = new Need("the neuron groups need about " + HeapRoom.size(bytes), String.join("; ", parts), inUse + bytes);
        if (tooMuch(need.total())) throw new ModelError(refusal(need, "make the groups smaller"));
        note(need);
    }

    /**
     * Before a run over steps [from, to): the monitors' recordings grow by what the run adds;
     * refuses when the heap cannot hold that, otherwise reserves the room so the monitors need not
     * grow while recording. Costs nothing for a run that fits in what the monitors already hold.
     */
    public void beforeRun(long from, long to, List<Recorder> recorders) {
        long more = 0;
        List<String> parts = new ArrayList<>();
        for (Recorder r : recorders) {
            long bytes = r.bytesToRecord(from, to);
            if (bytes == 0) continue;
            more += bytes;
            parts.add(String.format(Locale.ROOT, "%s more for monitor %s", HeapRoom.size(bytes), r.name()));
        }
        boolean first = !ranBefore;
        ranBefore = true;
        if (more > 0 || first) {
            long inUse = heap.inUse(false);
            if (inUse + more >= notable() || tooMuch(inUse + more)) inUse = heap.inUse(true);
            parts.add(0, HeapRoom.size(inUse) + " in use now");
            Need need = new Need(String.format(Locale.ROOT, "this run (%,d steps) needs about %s", to - from, HeapRoom.size(inUse + more)),
                    String.join(", ", parts), inUse + more);
            if (more > 0 && tooMuch(need.total())) {
                throw new ModelError(refusal(need, "record fewer values (record [...]), less often (dt ...), or to disk ('to disk' after the monitor)"));
            }
            note(need);
        }
        for (Recorder r : recorders) r.reserve(from, to);
    }

    /** What a part of the model needs: a clause that says how much, the parts it is made of, and the heap in all. */
    private record Need(String head, String detail, long total) {
    }

    private String refusal(Need need, String smaller) {
        long machine = heap.machine();
        if (machine > 0 && need.total() > USABLE * machine) {
            return String.format(Locale.ROOT, "%s (%s), more than this machine's memory (%s): %s", need.head(), need.detail(), HeapRoom.size(machine), smaller);
        }
        long suggested = Math.max(2, (long) Math.ceil(need.total() * 1.25 / (1L << 30)));
        return String.format(Locale.ROOT, "%s (%s), more than the Java heap (%s) can hold: run Java with a larger heap"
                + " (-Xmx%dg; with ./myelin: MYELIN_JAVA_OPTS=-Xmx%dg), or %s", need.head(), need.detail(), HeapRoom.size(heap.limit()), suggested, suggested, smaller);
    }

    private void note(Need need) {
        if (notes == null || need.total() < notable() || need.total() < 2 * noted) return;
        noted = need.total();
        notes.printf(Locale.ROOT, "memory: %s of the Java heap's %s: %s%n", need.head(), HeapRoom.size(heap.limit()), need.detail());
        notes.flush();
    }

    private boolean tooMuch(long bytes) {
        return bytes > USABLE * heap.limit();
    }

    private long notable() {
        return Math.min(NOTABLE, heap.limit() / 2);
    }
}
