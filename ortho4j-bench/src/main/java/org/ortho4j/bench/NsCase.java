package org.ortho4j.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.ortho4j.core.backend.Backend;
import org.ortho4j.core.backend.Backends;
import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.orthogonal.NewtonSchulz;
import org.ortho4j.core.orthogonal.NewtonSchulzWorkspace;
import org.ortho4j.core.random.Rng;

/**
 * One Newton–Schulz problem: NS5 with MUON's coefficients ({@link NewtonSchulz#muon()}) in one
 * form ({@code plain} or {@code gram}), on one {@code rows×cols} Gaussian input of one element
 * type, with GEMM/SYRK pinned to one backend ({@link NewtonSchulz#backend(Backend)}) and one
 * thread count. Shared by {@link NewtonSchulzBenchmark} and {@link QuickToolkit}.
 *
 * <p>Allocates the input G, the output and one {@link NewtonSchulzWorkspace} once; {@link #run()}
 * calls {@code orthogonalize(G, out, workspace)} and so allocates no matrix-sized memory after
 * its first call. Each call costs {@link NewtonSchulz#flops(int, int)} flops
 * ({@code 5 (4r²c + 2r³)} plain, {@code 8r²c + 28r³} Gram-side with its default restart, for
 * {@code r = min}, {@code c = max} of the shape; SYRK counted as a full GEMM).
 */
final class NsCase implements TimedCase {
    /** Seed of the input matrix. */
    static final long SEED = 20240601L;
    /** Output rows whose symmetry is checked by {@link #verify()}. */
    private static final int VERIFY_SAMPLES = 16;

    final int rows, cols, threads;
    final String form, dtype;
    final Backend backend;
    final NewtonSchulz ns;
    private final NewtonSchulzWorkspace workspace = new NewtonSchulzWorkspace();
    private final Matrix dg, dout;
    private final FloatMatrix fg, fout;

    /**
     * Builds the case.
     *
     * @param shape {@code ROWSxCOLS}, e.g. {@code 1024x4096}
     * @param form {@code plain} or {@code gram}
     * @param dtype {@code float} or {@code double}
     * @param backendName {@code java}, {@code vector} or {@code native} ({@code Backends.byName})
     * @param threads at least 1; for native it must equal {@code OPENBLAS_NUM_THREADS}
     * @throws IllegalArgumentException for a malformed shape, unknown form, type or backend name
     * @throws IllegalStateException if the backend cannot load or its thread count cannot be honoured
     */
    static NsCase of(String shape, String form, String dtype, String backendName, int threads) {
        return new NsCase(shape, form, dtype, Backends.byName(backendName), threads);
    }

    private NsCase(String shape, String form, String dtype, Backend backend, int threads) {
        int[] rc = parseShape(shape);
        this.rows = rc[0];
        this.cols = rc[1];
        this.threads = ThreadLimits.check(threads);
        this.form = form.toLowerCase(Locale.ROOT);
        NewtonSchulz.Form f = switch (this.form) {
            case "plain" -> NewtonSchulz.Form.PLAIN;
            case "gram" -> NewtonSchulz.Form.GRAM;
            default -> throw new IllegalArgumentException("form = " + form + ", expected plain or gram");
        };
        this.dtype = BenchArgs.dtype(dtype);
        this.backend = backend;
        if (backend.name().equals("native")) ThreadLimits.requireNative(threads);
        this.ns = NewtonSchulz.muon().form(f).backend(backend);
        RandomGenerator rng = Rng.of(SEED);
        if (this.dtype.equals("double")) {
            dg = Matrix.gaussian(rows, cols, rng);
            dout = new Matrix(rows, cols);
            fg = fout = null;
        } else {
            fg = FloatMatrix.gaussian(rows, cols, rng);
            fout = new FloatMatrix(rows, cols);
            dg = dout = null;
        }
    }

    /**
     * Parses {@code ROWSxCOLS} (both at least 1).
     *
     * @throws IllegalArgumentException naming {@code shape} when malformed
     */
    static int[] parseShape(String shape) {
        String[] p = shape.toLowerCase(Locale.ROOT).split("x");
        try {
            if (p.length == 2) {
                int r = Integer.parseInt(p[0].trim()), c = Integer.parseInt(p[1].trim());
                if (r >= 1 && c >= 1) return new int[] {r, c};
            }
        } catch (NumberFormatException e) { /* reported below */ }
        throw new IllegalArgumentException("shape = " + shape + ", expected ROWSxCOLS with both >= 1, e.g. 1024x4096");
    }

    @Override
    public Object run() {
        ThreadLimits.ortho4j(threads);
        return dg != null ? ns.orthogonalize(dg, dout, workspace) : ns.orthogonalize(fg, fout, workspace);
    }

    @Override
    public double flops() { return ns.flops(rows, cols); }

    @Override
    public int threads() { return threads; }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("describe", backend.describe());
        return d;
    }

    /**
     * Checks invariants of the NS output O that hold for any correct evaluation. For a wide input
     * ({@code r = rows ≤ cols}) {@code O = p(X Xᵀ) X} with {@code X = G/s} and a polynomial p, so
     * {@code S = O Gᵀ = s p(A) A} ({@code A = X Xᵀ}) is symmetric and positive semidefinite (MUON's
     * five-step map is non-negative on [0, 1]); for a tall input the same holds for
     * {@code Oᵀ G}. Checked:
     * <ol>
     *   <li>symmetry of {@value #VERIFY_SAMPLES} sampled pairs {@code S_ij} vs {@code S_ji}, to
     *       {@code K·r·u·(‖o_i‖‖g_j‖ + ‖o_j‖‖g_i‖)/2} (K = 5 steps, u the unit roundoff of the type).
     *       Measured with numpy on these shapes the asymmetry is about 5u relative, so this bound
     *       is ~1000× loose, while a wrong product (a transposed or half-filled operand) leaves an
     *       O(1) asymmetry;</li>
     *   <li>non-negative diagonal samples {@code S_ii};</li>
     *   <li>mean squared singular value {@code ‖O‖_F² / r} in [0.5, 1.5]: MUON's map sends every
     *       singular value into [0, ~1.2], and on Gaussian inputs of these shapes the mean is
     *       0.83 (square) to 0.93 (1:4); an input that was never iterated has mean {@code 1/r}.</li>
     * </ol>
     * O(VERIFY_SAMPLES · cols + rows · cols), all in double.
     */
    @Override
    public void verify() {
        int r = Math.min(rows, cols), c = Math.max(rows, cols);
        boolean tall = rows > cols;
        double u = dtype.equals("double") ? Math.ulp(1.0) / 2 : Math.ulp(1.0f) / 2;
        double tol = ns.scheduleFor(rows, cols).steps() * (double) r * u;
        double sumSq = 0;
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) {
                double v = out(i, j);
                sumSq += v * v;
            }
        double meanSq = sumSq / r;
        if (!(meanSq >= 0.5 && meanSq <= 1.5))
            throw fail(String.format(Locale.ROOT, "mean squared singular value ||O||_F^2/r = %.4g, expected in [0.5, 1.5]", meanSq));
        RandomGenerator pick = Rng.of(SEED ^ rows ^ ((long) cols << 20));
        for (int s = 0; s < VERIFY_SAMPLES; s++) {
            int i = pick.nextInt(r), j = pick.nextInt(r);
            double sij = 0, sji = 0, oi = 0, oj = 0, gi = 0, gj = 0;
            for (int p = 0; p < c; p++) {   // row i of the wide views: row i of O and G, or column i when tall
                double oip = tall ? out(p, i) : out(i, p), ojp = tall ? out(p, j) : out(j, p);
                double gip = tall ? in(p, i) : in(i, p), gjp = tall ? in(p, j) : in(j, p);
                sij += oip * gjp;
                sji += ojp * gip;
                oi += oip * oip; oj += ojp * ojp; gi += gip * gip; gj += gjp * gjp;
            }
            double scale = 0.5 * (Math.sqrt(oi * gj) + Math.sqrt(oj * gi));
            if (!(Math.abs(sij - sji) <= tol * scale))
                throw fail(String.format(Locale.ROOT, "S = O G^T not symmetric: S[%d][%d] = %.9g, S[%d][%d] = %.9g, "
                        + "difference %.3g exceeds %.3g", i, j, sij, j, i, sji, Math.abs(sij - sji), tol * scale));
            double sii = 0;
            for (int p = 0; p < c; p++) sii += (tall ? out(p, i) : out(i, p)) * (tall ? in(p, i) : in(i, p));
            if (!(sii >= 0))
                throw fail(String.format(Locale.ROOT, "S = O G^T not positive semidefinite: S[%d][%d] = %.6g < 0", i, i, sii));
        }
    }

    private IllegalStateException fail(String what) {
        return new IllegalStateException(String.format(Locale.ROOT, "%s %s NS5 %s %dx%d: %s",
                backend.name(), dtype, form, rows, cols, what));
    }

    private double out(int i, int j) {
        return dout != null ? dout.data[dout.offset + i * dout.ld + j] : fout.data[fout.offset + i * fout.ld + j];
    }

    private double in(int i, int j) {
        return dg != null ? dg.data[dg.offset + i * dg.ld + j] : fg.data[fg.offset + i * fg.ld + j];
    }
}
