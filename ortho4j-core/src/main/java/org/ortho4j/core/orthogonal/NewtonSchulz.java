package org.ortho4j.core.orthogonal;

import java.util.Arrays;
import java.util.Locale;
import org.ortho4j.core.Check;
import org.ortho4j.core.backend.Backend;
import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.core.decomp.SymmetricEigen;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.linalg.MatrixOps;

/**
 * Newton–Schulz orthogonalizer: approximates the polar factor of {@code G} ({@code m×n}) by a fixed
 * schedule of odd quintic matrix polynomials (spec {@code optimizers.md} §1.2, the Muon family's
 * "zeropower" step; references: {@code KellerJordan/Muon:muon.py}, {@code microsoft/dion},
 * {@code huawei-noah/noah-research:ROOT}).
 *
 * <p>Algorithm (plain form, exactly as the spec and the reference codes):
 * <pre>
 * X ← G;  transposed ← (m &gt; n);  if transposed: X ← Xᵀ      # X is r×c, r = min(m,n) ≤ c
 * X ← X / (‖X‖_F · normScale + eps)                           # all σ ≤ 1
 * for k = 1..K:  A ← X Xᵀ;  B ← b_k A + c_k A²;  X ← a_k X + B X
 * if transposed: X ← Xᵀ
 * </pre>
 * so the Gram matrix is always the small {@code r×r} one, and {@code NS(Gᵀ) = NS(G)ᵀ} bit for bit.
 * Each step maps every singular value σ to {@code a σ + b σ³ + c σ⁵} and keeps the singular vectors
 * ({@link NewtonSchulzSchedule#scalarMap(double, double)} gives the resulting map).
 *
 * <p>Forms ({@link Form}):
 * <ul>
 *   <li>{@link Form#PLAIN} (default): per step one SYRK and two GEMMs, {@code 4r²c + 2r³} flops
 *       (counting SYRK as a full GEMM).</li>
 *   <li>{@link Form#GRAM} (spec §1.4, "Gram Newton–Schulz"): iterates on {@code r×r} matrices only
 *       and touches the rectangular X once at the start, once at the end and twice per restart:
 *       {@code (4 + 4ρ) r²c + (8K − 6 − 6ρ) r³} flops for K steps and ρ restarts; cheaper than the
 *       plain form when {@code c} is more than about {@code 1.5 r} (K = 5, ρ = 1). Identical in exact
 *       arithmetic. <b>Restarts</b> (spec: [UNCONFIRMED]): the official code of the Gram
 *       Newton–Schulz authors ({@code Dao-AILab/gram-newton-schulz}, {@code GramNewtonSchulz},
 *       {@code gram_newton_schulz_reset_iterations=[2]}) re-forms {@code X ← Q X} and
 *       {@code R ← X Xᵀ} before step index 2 (0-based) to stop the drift of R in low precision;
 *       ortho4j follows it by default ({@link #restarts(int...)} changes it, no argument disables
 *       it).</li>
 *   <li>{@link Form#AUTO}: in double, whichever of the two has fewer flops for the shape; in float
 *       always the plain form (spec §1.4: prefer plain in float32 unless benchmarks justify the
 *       Gram form).</li>
 * </ul>
 *
 * <p>Precision: the double path does everything in float64 (golden: max abs. difference to the
 * numpy reference below 1e-12). The float path does every array operation and every scalar in
 * float32 (coefficients, eps and normScale rounded to float, float GEMMs) like the golden
 * {@code muon_ns5_f32}; only the Frobenius norm is accumulated in double and rounded once.
 *
 * <p>Edge cases: zero input → exactly zero output (no NaN, whatever eps); empty input → empty output;
 * rank-deficient input → zero singular values stay zero ({@code p(0) = 0}); a NaN or infinite
 * element → {@link IllegalArgumentException} naming {@code g}; a Frobenius norm beyond the double
 * (or float) range is handled by prescaling.
 *
 * <p>Work buffers: each call without a {@link NewtonSchulzWorkspace} allocates two {@code r×c} and
 * two (Gram form: four) {@code r×r} arrays; with a workspace, repeated calls allocate no
 * matrix-sized memory. GEMM/SYRK run on the active backend ({@link org.ortho4j.core.linalg.Blas}),
 * or on the backend given to {@link #backend(Backend)}.
 *
 * <p>Instances are immutable and thread-safe (the {@code withX}-style methods return copies); a
 * workspace must not be shared between threads.
 */
public final class NewtonSchulz implements Orthogonalizer {

    /** How the polynomial steps are evaluated; see the class documentation. */
    public enum Form {
        /** Iterate on the rectangular matrix: {@code X ← a X + (b A + c A²) X}, {@code A = X Xᵀ}. */
        PLAIN,
        /** Iterate on the small Gram matrix and multiply the rectangular matrix once at the end (§1.4). */
        GRAM,
        /** Fewer flops of the two in double; {@link #PLAIN} in float. */
        AUTO
    }

    private static final int[] DEFAULT_RESTARTS = {2};

    private final NewtonSchulzSchedule schedule;          // null when shape-keyed (ROOT)
    private final NewtonSchulzRootTable rootTable;        // non-null for ROOT
    private final NewtonSchulzSchedule[] rootSchedules;   // one per table entry
    private final NewtonSchulzSchedule rootFallback;
    private final Form form;
    private final int[] restarts;
    private final Backend backend;

    private NewtonSchulz(NewtonSchulzSchedule schedule, NewtonSchulzRootTable rootTable, NewtonSchulzSchedule[] rootSchedules,
                         NewtonSchulzSchedule rootFallback, Form form, int[] restarts, Backend backend) {
        this.schedule = schedule;
        this.rootTable = rootTable;
        this.rootSchedules = rootSchedules;
        this.rootFallback = rootFallback;
        this.form = form;
        this.restarts = restarts;
        this.backend = backend;
    }

    private NewtonSchulz copy(Form newForm, int[] newRestarts, Backend newBackend) {
        return new NewtonSchulz(schedule, rootTable, rootSchedules, rootFallback, newForm, newRestarts, newBackend);
    }

    /** An orthogonalizer running {@code schedule} on every shape (plain form, active backend). */
    public static NewtonSchulz of(NewtonSchulzSchedule schedule) {
        Check.notNull("schedule", schedule);
        return new NewtonSchulz(schedule, null, null, null, Form.PLAIN, DEFAULT_RESTARTS, null);
    }

    /** A custom schedule named {@code custom}; see {@link NewtonSchulzSchedule#of}. */
    public static NewtonSchulz of(double[][] abcPerStep, double eps, double normScale) {
        return of(NewtonSchulzSchedule.of("custom", abcPerStep, eps, normScale));
    }

    /** {@link NewtonSchulzSchedule#muon()}: MUON × 5, eps 1e-7. */
    public static NewtonSchulz muon() { return of(NewtonSchulzSchedule.muon()); }

    /** MUON's tuple for {@code steps ≥ 1} steps. */
    public static NewtonSchulz muon(int steps) { return of(NewtonSchulzSchedule.muon(steps)); }

    /** {@link NewtonSchulzSchedule#polarExpress()}: 5 tuples, normScale 1.02, eps 1e-6. */
    public static NewtonSchulz polarExpress() { return of(NewtonSchulzSchedule.polarExpress()); }

    /** {@link NewtonSchulzSchedule#dionNs()}: the 5 tuples of microsoft/dion, eps 1e-7. */
    public static NewtonSchulz dion() { return of(NewtonSchulzSchedule.dionNs()); }

    /** ROOT with the published table and 5 steps; see {@link #root(NewtonSchulzRootTable, int)}. */
    public static NewtonSchulz root() { return root(NewtonSchulzRootTable.published(), NewtonSchulzSchedule.DEFAULT_STEPS); }

    /**
     * ROOT's shape-keyed orthogonalizer: each call looks up its input's shape key
     * {@code (min(m,n), max(m,n))} in {@code table} and runs that tuple for {@code steps} steps
     * (eps 1e-7), or MUON's tuple when the shape has no entry.
     */
    public static NewtonSchulz root(NewtonSchulzRootTable table, int steps) {
        Check.notNull("table", table);
        Check.positive("steps", steps);
        NewtonSchulzSchedule[] per = new NewtonSchulzSchedule[table.size()];
        for (int i = 0; i < per.length; i++) per[i] = table.entrySchedule(i, steps);
        return new NewtonSchulz(null, table, per, NewtonSchulzRootTable.fallbackSchedule(steps), Form.PLAIN, DEFAULT_RESTARTS, null);
    }

    /** A copy using {@code form} (not null). */
    public NewtonSchulz form(Form newForm) { return copy(Check.notNull("form", newForm), restarts, backend); }

    /** {@code form(on ? GRAM : PLAIN)} (spec §1.9 naming). */
    public NewtonSchulz gramSide(boolean on) { return form(on ? Form.GRAM : Form.PLAIN); }

    /**
     * A copy whose Gram-side form restarts before each of the given 0-based step indices (each ≥ 1;
     * indices ≥ K are ignored). No argument: never restart. Default {@code {2}}, as the reference
     * code. Has no effect on the plain form.
     */
    public NewtonSchulz restarts(int... steps) {
        Check.notNull("steps", steps);
        for (int i = 0; i < steps.length; i++) Check.positive("steps[" + i + "]", steps[i]);
        return copy(form, Arrays.stream(steps).sorted().distinct().toArray(), backend);
    }

    /**
     * A copy whose GEMM/SYRK calls all go to {@code pinned} (e.g. {@code Backends.byName("java")}
     * to compare backends), or to the active backend again when null.
     */
    public NewtonSchulz backend(Backend pinned) { return copy(form, restarts, pinned); }

    /** The configured form. */
    public Form form() { return form; }

    /** The Gram-side restart indices (a copy); see {@link #restarts(int...)}. */
    public int[] restartSteps() { return restarts.clone(); }

    /** The pinned backend, or null for the active one. */
    public Backend backend() { return backend; }

    /** The ROOT table this orthogonalizer looks shapes up in, or null for a fixed schedule. */
    public NewtonSchulzRootTable rootTable() { return rootTable; }

    /** The schedule used for a {@code rows×cols} input. */
    public NewtonSchulzSchedule scheduleFor(int rows, int cols) {
        if (rootTable == null) return schedule;
        int i = rootTable.indexOf(rows, cols);
        return i >= 0 ? rootSchedules[i] : rootFallback;
    }

    /** The form that runs for a {@code rows×cols} input on the float or double path ({@code AUTO} resolved). */
    public Form formFor(int rows, int cols, boolean floatPath) {
        if (form != Form.AUTO) return form;
        if (floatPath) return Form.PLAIN;
        int r = Math.min(rows, cols), c = Math.max(rows, cols);
        int k = scheduleFor(rows, cols).steps();
        return flops(Form.GRAM, r, c, k) < flops(Form.PLAIN, r, c, k) ? Form.GRAM : Form.PLAIN;
    }

    /**
     * Estimated floating-point operations of one double-path call on a {@code rows×cols} input
     * (GEMM {@code m×k·k×n} = {@code 2mnk}, SYRK counted as a full GEMM; O(mn) work ignored), for
     * reporting GFLOP/s.
     */
    public double flops(int rows, int cols) {
        int r = Math.min(rows, cols), c = Math.max(rows, cols);
        return flops(formFor(rows, cols, false), r, c, scheduleFor(rows, cols).steps());
    }

    private double flops(Form f, double r, double c, int k) {
        if (f == Form.PLAIN) return k * (4 * r * r * c + 2 * r * r * r);
        int rho = 0;
        for (int v : restarts) if (v < k) rho++;
        return (4 + 4 * rho) * r * r * c + (8.0 * k - 6 - 6 * rho) * r * r * r;
    }

    // ---- orthogonalization --------------------------------------------------------------------

    @Override
    public Matrix orthogonalize(Matrix g, Matrix out) { return orthogonalize(g, out, null); }

    @Override
    public FloatMatrix orthogonalize(FloatMatrix g, FloatMatrix out) { return orthogonalize(g, out, null); }

    /**
     * Orthogonalizes {@code g} into {@code out}.
     *
     * @param g {@code m×n} input (any layout), finite; not modified unless it is {@code out}
     * @param out {@code m×n} output, null to allocate, or {@code g} itself
     * @param workspace reusable buffers, or null to allocate them for this call
     * @return {@code out}
     * @throws IllegalArgumentException if {@code g} is null or holds NaN/Inf (message names
     *     {@code g}), or {@code out} has another shape
     */
    public Matrix orthogonalize(Matrix g, Matrix out, NewtonSchulzWorkspace workspace) {
        NewtonSchulzKernel.F64 k = workspace == null ? new NewtonSchulzKernel.F64() : workspace.f64();
        out = prepare(k, g, out);
        run(k, g, out, false);
        return out;
    }

    /** Float twin of {@link #orthogonalize(Matrix, Matrix, NewtonSchulzWorkspace)}; all arithmetic in float32. */
    public FloatMatrix orthogonalize(FloatMatrix g, FloatMatrix out, NewtonSchulzWorkspace workspace) {
        NewtonSchulzKernel.F32 k = workspace == null ? new NewtonSchulzKernel.F32() : workspace.f32();
        out = prepare(k, g, out);
        run(k, g, out, false);
        return out;
    }

    /**
     * Orthogonalizes {@code g} into {@code out} (required here) and reports diagnostics. The
     * diagnostics cost one extra {@code r²c} Gram product and an {@code r×r} symmetric eigenvalue
     * solve (LAPACK {@code dsyev}), in double, after the timed part.
     */
    public NewtonSchulzDiagnostics orthogonalizeWithDiagnostics(Matrix g, Matrix out, NewtonSchulzWorkspace workspace) {
        Check.notNull("out", out);
        NewtonSchulzKernel.F64 k = workspace == null ? new NewtonSchulzKernel.F64() : workspace.f64();
        return run(k, g, prepare(k, g, out), true);
    }

    /** Float twin of {@link #orthogonalizeWithDiagnostics(Matrix, Matrix, NewtonSchulzWorkspace)}. */
    public NewtonSchulzDiagnostics orthogonalizeWithDiagnostics(FloatMatrix g, FloatMatrix out, NewtonSchulzWorkspace workspace) {
        Check.notNull("out", out);
        NewtonSchulzKernel.F32 k = workspace == null ? new NewtonSchulzKernel.F32() : workspace.f32();
        return run(k, g, prepare(k, g, out), true);
    }

    private static <M> M prepare(NewtonSchulzKernel<M> k, M g, M out) {
        k.requireFinite("g", g);
        int m = k.rows(g), n = k.cols(g);
        if (out == null) return k.allocate(m, n);
        Polar.checkOut(m, n, k.rows(out), k.cols(out));
        return out;
    }

    /** Runs the schedule; returns diagnostics when asked, else null. */
    private <M> NewtonSchulzDiagnostics run(NewtonSchulzKernel<M> k, M g, M out, boolean diagnose) {
        long t0 = System.nanoTime();
        int m = k.rows(g), n = k.cols(g);
        boolean tall = m > n;
        int r = Math.min(m, n), c = Math.max(m, n);
        NewtonSchulzSchedule s = scheduleFor(m, n);
        Form f = formFor(m, n, k.isFloat());
        int iterations = 0, restartsDone = 0;
        if (r > 0) {
            k.begin(r, c, f == Form.GRAM, backend);
            if (k.load(g, tall, s)) {
                iterations = s.steps();
                if (f == Form.GRAM) restartsDone = k.gram(s, restarts);
                else k.plain(s);
            }
            k.store(out, tall);
        }
        long nanos = System.nanoTime() - t0;
        return diagnose ? diagnostics(k.toDouble(out), s.name(), f, tall, iterations, restartsDone, nanos) : null;
    }

    private static NewtonSchulzDiagnostics diagnostics(Matrix o, String name, Form f, boolean tall, int iterations,
                                                       int restarts, long nanos) {
        Matrix s = tall ? MatrixOps.gramCols(o, null) : MatrixOps.gramRows(o, null);
        int r = s.rows;
        double err = 0;
        for (int i = 0; i < r; i++)
            for (int j = 0; j < r; j++) {
                double d = s.data[i * r + j] - (i == j ? 1 : 0);
                err += d * d;
            }
        double[] ev = SymmetricEigen.eigenvalues(s);
        double lo = r == 0 ? 0 : Math.sqrt(Math.max(0, ev[0])), hi = r == 0 ? 0 : Math.sqrt(Math.max(0, ev[r - 1]));
        return new NewtonSchulzDiagnostics(name, f, tall, iterations, restarts, Math.sqrt(err), lo, hi, nanos);
    }

    @Override
    public String describe() {
        String sched = rootTable != null ? "ROOT" + rootTable.toString().substring("NewtonSchulzRootTable".length())
                + " x" + rootFallback.steps() : schedule.toString();
        String extra = form == Form.PLAIN ? "" : ", restarts " + Arrays.toString(restarts);
        return String.format(Locale.ROOT, "NewtonSchulz[%s, %s%s%s]", sched, form, extra,
                backend == null ? "" : ", backend " + backend.name());
    }

    @Override
    public String toString() { return describe(); }
}
