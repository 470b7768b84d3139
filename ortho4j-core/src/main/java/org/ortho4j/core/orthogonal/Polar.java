package org.ortho4j.core.orthogonal;

import java.util.Locale;
import org.ortho4j.core.Check;
import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.core.decomp.SvdDecomposition;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.core.linalg.MatrixOps;

/**
 * The exact orthogonal polar factor {@code polar(G) = U_r V_rᵀ} from the thin SVD
 * {@code G = U Σ Vᵀ}, keeping the {@code r} singular values above {@code rankTolerance · σ_1}
 * (spec {@code optimizers.md} §1.5; the golden {@code polar_exact_f64} uses 1e-10). For a
 * full-rank tall or square {@code G} this is the {@code U_p} of {@code G = U_p P}
 * ({@code scipy.linalg.polar}); for a rank-deficient {@code G} it is the partial isometry on
 * {@code G}'s range, so a zero input gives a zero output.
 *
 * <p>Cost: one LAPACK {@code dgesdd} (about {@code 4mn·min(m,n)} + lower-order flops) plus one
 * GEMM of {@code 2mnr} flops; allocates the SVD factors. The float path computes in double and
 * rounds the result once (the SVD is not the bottleneck this library optimizes in float).
 *
 * <p>Used as the "exact" {@link Orthogonalizer} (reference for tests and studies; on a CPU it costs
 * about as much as 5 Newton–Schulz steps for square matrices, spec §11).
 */
public final class Polar implements Orthogonalizer {
    /** Default relative rank cutoff, as in the golden data. */
    public static final double DEFAULT_RANK_TOLERANCE = 1e-10;

    private static final Polar EXACT = new Polar(DEFAULT_RANK_TOLERANCE);

    private final double rankTolerance;

    private Polar(double rankTolerance) { this.rankTolerance = rankTolerance; }

    /** Polar factor with the default rank cutoff {@code 1e-10 · σ_1}. */
    public static Polar exact() { return EXACT; }

    /**
     * Polar factor keeping singular values {@code σ_i > rankTolerance · σ_1}.
     *
     * @param rankTolerance in {@code [0, 1)}; 0 keeps every non-zero singular value
     */
    public static Polar withRankTolerance(double rankTolerance) {
        Check.inRange("rankTolerance", rankTolerance, 0, Math.nextDown(1.0));
        return new Polar(rankTolerance);
    }

    /** The relative rank cutoff. */
    public double rankTolerance() { return rankTolerance; }

    /**
     * The factor with its singular values.
     *
     * @param factor the polar factor, {@code m×n}
     * @param singularValues all {@code min(m, n)} singular values of the input, descending
     * @param rank number of singular values kept
     */
    public record Result(Matrix factor, double[] singularValues, int rank) {}

    /**
     * Polar factor and singular values of {@code g} (not modified); the factor is a new matrix.
     *
     * @throws IllegalArgumentException if {@code g} is null or has a NaN/infinite element
     * @throws IllegalStateException if LAPACK {@code dgesdd} fails (message names it and its info)
     */
    public Result decompose(Matrix g) {
        MatrixOps.requireFinite("g", g);
        return compute(g, new Matrix(g.rows, g.cols));
    }

    @Override
    public Matrix orthogonalize(Matrix g, Matrix out) {
        MatrixOps.requireFinite("g", g);
        if (out == null) out = new Matrix(g.rows, g.cols);
        else checkOut(g.rows, g.cols, out.rows, out.cols);
        return compute(g, out).factor();
    }

    /** Computed in double from {@code g}'s values and rounded to float once. */
    @Override
    public FloatMatrix orthogonalize(FloatMatrix g, FloatMatrix out) {
        Check.notNull("g", g);
        if (out == null) out = new FloatMatrix(g.rows, g.cols);
        else checkOut(g.rows, g.cols, out.rows, out.cols);
        Matrix q = orthogonalize(g.toDouble(), null);
        for (int i = 0; i < q.rows; i++)
            for (int j = 0; j < q.cols; j++) out.data[out.offset + i * out.ld + j] = (float) q.data[i * q.cols + j];
        return out;
    }

    static void checkOut(int rows, int cols, int outRows, int outCols) {
        if (outRows != rows || outCols != cols)
            throw new IllegalArgumentException("out is " + outRows + "x" + outCols + ", expected " + rows + "x" + cols + " (the shape of g)");
    }

    /** {@code g} already checked finite; {@code out} has its shape and may be {@code g}. */
    private Result compute(Matrix g, Matrix out) {
        SvdDecomposition svd = new SvdDecomposition(SvdDecomposition.Mode.THIN).decompose(g);
        double[] s = svd.getSingularValues();
        int r = 0;
        double cut = s.length == 0 ? 0 : rankTolerance * s[0];
        while (r < s.length && s[r] > cut) r++;
        if (r == 0) MatrixOps.fill(out, 0);
        else MatrixOps.gemm(1, svd.getU().view(0, 0, g.rows, r), false, svd.getVt().view(0, 0, r, g.cols), false, 0, out);
        return new Result(out, s, r);
    }

    @Override
    public String describe() { return String.format(Locale.ROOT, "Polar[SVD, rankTol %s]", rankTolerance); }

    @Override
    public String toString() { return describe(); }
}
