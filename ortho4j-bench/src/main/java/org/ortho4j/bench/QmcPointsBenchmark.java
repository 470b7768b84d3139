package org.ortho4j.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.ortho4j.core.backend.Parallel;
import org.ortho4j.qmc.points.DigitalNetB2;
import org.ortho4j.qmc.points.HaltonRandomization;
import org.ortho4j.qmc.points.Halton;
import org.ortho4j.qmc.points.Lattice;
import org.ortho4j.qmc.points.LatticeRandomization;
import org.ortho4j.qmc.points.NetRandomization;
import org.ortho4j.qmc.points.Sobol;

/**
 * Low-discrepancy point generation, <b>ns per point</b>: one invocation writes the first
 * {@code N = 2^20} points of a generator built once per trial, in blocks of {@link #BLOCK} points
 * ({@code pointsInto}, so the timing holds no allocation and no 800 MB array at d = 100) into one
 * reused {@code BLOCK×d} buffer; {@code @OperationsPerInvocation(N)} makes JMH report the time per
 * point (all d coordinates).
 *
 * <p>{@code gen} ∈ {@code sobol-none} (Joe–Kuo matrices, unscrambled, natural order),
 * {@code sobol-lms_ds} (linear matrix scramble + digital shift, natural order, t = 63; QMCPy's
 * default), {@code halton-perm} (one random digit permutation per position),
 * {@code halton-lms_perm} (QMCPy's default), {@code lattice-shift} (Kuo's vector, random shift,
 * natural order); seed 7. {@code d} ∈ {10, 100}; the grid is the cross product, but only Sobol
 * is meant at d = 100 (run {@code -p d=10} for the others, or accept the extra rows). {@code
 * threads}: {@code Parallel.setThreads} on the benchmark thread (default 1).
 *
 * <p>Average time, 2 warm-up and 5 measured iterations of 1 s, one fork. After the trial the
 * last block is checked to lie in [0, 1).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class QmcPointsBenchmark {
    /** Points per invocation. */
    static final int N = 1 << 20;
    /** Points per {@code pointsInto} call. */
    static final int BLOCK = 1 << 16;

    /** Generator, see the class comment. */
    @Param({"sobol-none", "sobol-lms_ds", "halton-perm", "halton-lms_perm", "lattice-shift"})
    public String gen;

    /** Dimension. */
    @Param({"10", "100"})
    public int d;

    /** ortho4j pool threads. */
    @Param({"1"})
    public int threads;

    /** Writes points {@code [nMin, nMax)} of replication 0 row-major into {@code out} from 0. */
    @FunctionalInterface
    interface Filler {
        void fill(long nMin, long nMax, double[] out);
    }

    Filler points;
    double[] buf;

    /** Builds the generator and the buffer. */
    @Setup(Level.Trial)
    public void setUp() {
        points = generator(gen, d);
        buf = new double[BLOCK * d];
    }

    /**
     * The generator called {@code gen} in {@code d} dimensions (nLimit ≥ 2^20, seed 7) as a filler.
     *
     * @throws IllegalArgumentException naming {@code gen} if unknown
     */
    static Filler generator(String gen, int d) {
        return switch (gen) {
            case "sobol-none" -> net(Sobol.unscrambled(d));
            case "sobol-lms_ds" -> net(Sobol.builder(d).randomization(NetRandomization.LMS_DS).seed(7).build());
            case "halton-perm" -> halton(Halton.builder(d).randomization(HaltonRandomization.PERM).seed(7).build());
            case "halton-lms_perm" -> halton(Halton.builder(d).randomization(HaltonRandomization.LMS_PERM).seed(7).build());
            case "lattice-shift" -> {
                Lattice l = Lattice.builder(d).randomization(LatticeRandomization.SHIFT).seed(7).build();
                yield (a, b, out) -> l.pointsInto(0, a, b, out, 0);
            }
            default -> throw new IllegalArgumentException("gen = " + gen
                    + ", expected sobol-none, sobol-lms_ds, halton-perm, halton-lms_perm or lattice-shift");
        };
    }

    private static Filler net(DigitalNetB2 p) { return (a, b, out) -> p.pointsInto(0, a, b, out, 0); }

    private static Filler halton(Halton p) { return (a, b, out) -> p.pointsInto(0, a, b, out, 0); }

    /** Writes points 0 .. 2^20-1 block by block. */
    @Benchmark
    @OperationsPerInvocation(N)
    public void generate(Blackhole bh) {
        Parallel.setThreads(threads);
        for (long i = 0; i < N; i += BLOCK) {
            points.fill(i, i + BLOCK, buf);
            bh.consume(buf[buf.length - 1]);
        }
    }

    /** Checks the last block. */
    @TearDown(Level.Trial)
    public void check() {
        for (int i = 0; i < buf.length; i++)
            if (!(buf[i] >= 0 && buf[i] < 1))
                throw new IllegalStateException(gen + " d=" + d + ": value " + i + " of the last block = " + buf[i]);
    }
}
