package org.ortho4j.core.backend;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;
import java.util.function.IntConsumer;

/**
 * ortho4j's own fork/join pool (model: EJML's {@code EjmlConcurrency}). Work is split into a
 * fixed set of chunks that does not depend on the number of threads, so results are bit-for-bit
 * the same for any thread count.
 */
public final class Parallel {
    private Parallel() {}

    private static final class Holder {
        static final ForkJoinPool POOL = new ForkJoinPool(Tuning.THREADS, pool -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            t.setName("ortho4j-" + t.getPoolIndex());
            t.setDaemon(true);
            return t;
        }, null, false);
    }

    private static final ThreadLocal<Integer> MAX_THREADS = ThreadLocal.withInitial(() -> Tuning.THREADS);

    /** Threads a kernel started on this thread may use (default {@link Tuning#THREADS}). */
    public static int threads() {
        return Math.min(MAX_THREADS.get(), Tuning.THREADS);
    }

    /**
     * Limits the threads used by kernels called from the current thread (1 = sequential), e.g.
     * inside a Spark task or for one-thread benchmarks. Returns the previous limit.
     */
    public static int setThreads(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads = " + threads + ", expected >= 1");
        int prev = MAX_THREADS.get();
        MAX_THREADS.set(threads);
        return prev;
    }

    /**
     * Runs {@code body.accept(chunk)} for every chunk in {@code [0, chunks)}, in parallel when
     * {@code work} (an estimate of multiply-adds) reaches {@link Tuning#PARALLEL_FLOPS} and more
     * than one thread is allowed; sequentially in chunk order otherwise.
     */
    public static void forEachChunk(int chunks, long work, IntConsumer body) {
        if (chunks <= 0) return;
        if (chunks == 1 || work < Tuning.PARALLEL_FLOPS || threads() == 1
                || Thread.currentThread() instanceof ForkJoinWorkerThread
                        && ((ForkJoinWorkerThread) Thread.currentThread()).getPool() == Holder.POOL) {
            for (int c = 0; c < chunks; c++) body.accept(c);
            return;
        }
        int tasks = Math.min(chunks, threads());
        Holder.POOL.invoke(new Range(body, chunks, tasks, 0, tasks));
    }

    private static final class Range extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final transient IntConsumer body;
        private final int chunks, tasks, lo, hi;

        Range(IntConsumer body, int chunks, int tasks, int lo, int hi) {
            this.body = body; this.chunks = chunks; this.tasks = tasks; this.lo = lo; this.hi = hi;
        }

        @Override
        protected void compute() {
            if (hi - lo == 1) {
                // task t takes chunks t, t + tasks, t + 2*tasks, ... (interleaved: balances triangles)
                for (int c = lo; c < chunks; c += tasks) body.accept(c);
                return;
            }
            int mid = (lo + hi) >>> 1;
            invokeAll(new Range(body, chunks, tasks, lo, mid), new Range(body, chunks, tasks, mid, hi));
        }
    }
}
