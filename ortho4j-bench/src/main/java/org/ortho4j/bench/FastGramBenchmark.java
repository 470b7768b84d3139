package org.ortho4j.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.random.Rng;
import org.ortho4j.qmc.kernel.FastGram;
import org.ortho4j.qmc.kernel.ShiftInvariantKernel;
import org.ortho4j.qmc.points.Lattice;
import org.ortho4j.qmc.points.LatticeRandomization;

/**
 * Fast (FFT-diagonalized) Gram matrices of a shift-invariant kernel on a lattice, in µs/op:
 * {@code build} = {@code FastGram.lattice(kernel, x)} (verify the design, evaluate the first
 * column, one length-n FFT for the eigenvalues), {@code solve} = {@code gram.solve(y)} (two FFTs
 * and a diagonal scaling), for {@code n} ∈ {2^10, 2^14, 2^18}.
 *
 * <p>Design: the first n points of the default rank-1 lattice in d = 5 dimensions (Kuo's vector,
 * random shift, seed 7, natural order). Kernel: {@code ShiftInvariantKernel.isotropic(5, 1, 1,
 * 2)} (Bernoulli polynomial of degree 4, weight 1), with nugget 10⁻⁸ so the solve is well posed
 * whatever the spectrum's smallest eigenvalues. y is standard normal (seed 11). After the trial,
 * {@code gram.multiply(solve(y))} must reproduce y to {@code 1e-6·‖y‖∞} — with κ ≤ λmax/10⁻⁸
 * and FFT errors of order {@code log n · u} that is a loose bound; a wrong solve misses it by O(1).
 *
 * <p>Average time, 2 warm-up and 5 measured iterations of 1 s, one fork; ortho4j's default pool.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class FastGramBenchmark {
    /** Number of points. */
    @Param({"1024", "16384", "262144"})
    public int n;

    ShiftInvariantKernel kernel;
    Matrix x;
    FastGram gram;
    double[] y, last;

    /** Builds the points, the Gram matrix and the right-hand side. */
    @Setup(Level.Trial)
    public void setUp() {
        int d = 5;
        x = Lattice.builder(d).randomization(LatticeRandomization.SHIFT).seed(7).build().points(0, 0, n);
        kernel = ShiftInvariantKernel.isotropic(d, 1.0, 1.0, 2);
        gram = FastGram.lattice(kernel, x).withNugget(1e-8);
        y = new double[n];
        var rng = Rng.of(11);
        for (int i = 0; i < n; i++) y[i] = rng.nextGaussian();
    }

    /** {@code FastGram.lattice(kernel, x)}. */
    @Benchmark
    public FastGram build() { return FastGram.lattice(kernel, x); }

    /** {@code gram.solve(y)}. */
    @Benchmark
    public double[] solve() {
        last = gram.solve(y);
        return last;
    }

    /** Checks the last solve (if {@code solve} ran). */
    @TearDown(Level.Trial)
    public void check() {
        if (last == null) return;
        double[] r = gram.multiply(last);
        double ymax = 0, err = 0;
        for (int i = 0; i < n; i++) {
            ymax = Math.max(ymax, Math.abs(y[i]));
            err = Math.max(err, Math.abs(r[i] - y[i]));
        }
        if (!(err <= 1e-6 * ymax)) throw new IllegalStateException("n=" + n + ": |K solve(y) - y|inf = " + err + " > 1e-6 |y|inf = " + ymax);
    }
}
