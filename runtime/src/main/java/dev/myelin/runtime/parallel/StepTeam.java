package dev.myelin.runtime.parallel;

import dev.myelin.runtime.GeneratedNetwork;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads of {@code --threads N}: the calling thread and N - 1 workers that split a loop over
 * neurons between them, once per parallel part of a time step.
 *
 * <p>Each thread gets one contiguous range of indices, the same ranges every step, with bounds at
 * multiples of 64 so that two threads never write the same cache line of an array. A range is
 * computed exactly as the single-threaded loop computes it (neurons are independent and random
 * numbers are keyed by index and step), so results do not depend on the number of threads. Parts
 * of a step are short (microseconds), so workers wait for the next one by spinning, and park only
 * after a while without work (between runs, during the protocol).
 */
public final class StepTeam implements AutoCloseable {

    /** Groups smaller than this are not split: the hand-over would cost more than the work. */
    public static final int MIN_SPLIT = 4096;
    private static final int ALIGN = 64;
    /** Spins before a waiting worker parks, about 50-100 microseconds. */
    private static final int SPINS = 20_000;

    private final int size;
    private final Thread[] workers;
    /** 1 while a worker is parked or about to park (atomic: the hand-over below depends on its order with epoch). */
    private final AtomicIntegerArray parked;
    private final int[] counts;
    private final AtomicInteger done = new AtomicInteger();
    private volatile long epoch;
    private volatile boolean closed;
    private volatile Throwable failure;
    // The part to run, published by the volatile write of epoch.
    private GeneratedNetwork network;
    private int part;
    private int n;
    private long step;
    private double t;

    /** A team of {@code threads} threads in all (the caller included); at least 2. */
    public StepTeam(int threads) {
        if (threads < 2) throw new IllegalArgumentException("a team needs at least 2 threads, not " + threads);
        this.size = threads;
        this.workers = new Thread[threads - 1];
        this.parked = new AtomicIntegerArray(threads);
        this.counts = new int[threads];
        for (int w = 1; w < threads; w++) {
            final int worker = w;
            Thread thread = new Thread(() -> work(worker), "myelin-worker-" + w);
            thread.setDaemon(true);
            workers[w - 1] = thread;
            thread.start();
        }
    }

    public int threads() {
        return size;
    }

    /** Whether a loop over {@code n} indices is worth splitting. */
    public static boolean worthSplitting(int n) {
        return n >= MIN_SPLIT;
    }

    /** Start of {@code worker}'s range of [0, n) (its end is the next worker's start). */
    public int start(int worker, int n) {
        if (worker >= size) return n;
        long chunk = ((long) n + size - 1) / size;
        chunk = (chunk + ALIGN - 1) / ALIGN * ALIGN;
        return (int) Math.min(n, chunk * worker);
    }

    /** Runs part {@code part} of the network over [0, n), split between the threads; returns when all are done. */
    public void run(GeneratedNetwork network, int part, int n, long step, double t) {
        if (closed) throw new IllegalStateException("the team of threads is closed");
        this.network = network;
        this.part = part;
        this.n = n;
        this.step = step;
        this.t = t;
        done.set(0);
        epoch++; // publishes the fields above
        for (int w = 1; w < size; w++) {
            if (parked.get(w) == 1) LockSupport.unpark(workers[w - 1]);
        }
        Throwable mine = null;
        try {
            counts[0] = network.runPart(part, 0, start(0, n), start(1, n), step, t);
        } catch (Throwable e) {
            mine = e;
        }
        int spins = 0;
        while (done.get() < size - 1) {
            if (++spins < SPINS) Thread.onSpinWait();
            else Thread.yield();
        }
        Throwable theirs = failure;
        failure = null;
        if (mine != null) rethrow(mine);
        if (theirs != null) rethrow(theirs);
    }

    /**
     * Runs a threshold part: each thread writes the indices that crossed into {@code spikes} from
     * the start of its own range; they are then moved together in order of index, as one thread
     * would have written them. Returns the number of spikes.
     */
    public int spikes(GeneratedNetwork network, int part, int n, long step, double t, int[] spikes) {
        run(network, part, n, step, t);
        int total = counts[0];
        for (int w = 1; w < size; w++) {
            int from = start(w, n);
            if (counts[w] > 0 && from != total) System.arraycopy(spikes, from, spikes, total, counts[w]);
            total += counts[w];
        }
        return total;
    }

    private void work(int worker) {
        long seen = 0;
        while (true) {
            int spins = 0;
            long now;
            while ((now = epoch) == seen && !closed) {
                if (++spins < SPINS) {
                    Thread.onSpinWait();
                } else {
                    parked.set(worker, 1);
                    // Re-read after announcing: run() either sees parked or this sees the new epoch.
                    if (epoch == seen && !closed) LockSupport.park(this);
                    parked.set(worker, 0);
                    spins = 0;
                }
            }
            if (closed) return;
            seen = now;
            try {
                counts[worker] = network.runPart(part, worker, start(worker, n), start(worker + 1, n), step, t);
            } catch (Throwable e) {
                failure = e;
            }
            done.incrementAndGet();
        }
    }

    private static void rethrow(Throwable e) {
        if (e instanceof RuntimeException r) throw r;
        if (e instanceof Error err) throw err;
        throw new IllegalStateException(e);
    }

    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) LockSupport.unpark(w);
    }
}
