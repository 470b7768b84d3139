package org.ortho4j.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.ortho4j.core.Check;
import org.ortho4j.core.orthogonal.NewtonSchulz;
import org.ortho4j.core.orthogonal.NewtonSchulzSchedule;

/**
 * Newton–Schulz orthogonalization of a matrix held in a DJL {@link NDArray}, computed with engine
 * operations only ({@code matMul}, {@code norm}, element-wise arithmetic), so it runs wherever the
 * array lives (CPU or GPU) without copying to the host. The same iteration as ortho4j-core's
 * {@link NewtonSchulz} in its {@link NewtonSchulz.Form#PLAIN plain form} (spec
 * {@code optimizers.md} §1.2):
 * <pre>
 * X ← G, transposed if m &gt; n (so X is r×c with r ≤ c)
 * X ← X / (‖X‖_F · normScale + eps)
 * for k = 1..K:  A ← X Xᵀ;  B ← b_k A + c_k A²;  X ← a_k X + B X
 * transpose back if needed
 * </pre>
 * with the coefficients, {@code eps} and {@code normScale} of a core {@link NewtonSchulzSchedule}
 * (shape-keyed schedules such as ROOT's are resolved with {@link NewtonSchulz#scheduleFor}). The
 * arithmetic is the array's data type (float32 in {@code ortho4j-djl}); a zero input gives exactly
 * zero. Cost: {@code K·(4r²c + 2r³)} flops in {@code 3K} matrix products plus O(rc) element-wise
 * work; allocates O(rc + r²) temporaries per step, attached to the input's manager (callers close
 * them, e.g. with an {@link ai.djl.ndarray.NDScope}).
 */
public final class NdNewtonSchulz {
    private NdNewtonSchulz() {}

    /**
     * Orthogonalizes {@code g} with {@code orthogonalizer}'s schedule for its shape. Only the
     * schedule is used: the computation is always the plain form above, in the array's precision
     * (a Gram-form or pinned-backend setting of {@code orthogonalizer} has no effect here).
     *
     * @param g              a 2-D array, {@code m×n} with {@code m, n ≥ 1}; not modified
     * @param orthogonalizer supplies {@link NewtonSchulz#scheduleFor(int, int)}
     * @return a new {@code m×n} array on the same device
     * @throws IllegalArgumentException if {@code g} is not 2-D or has a zero dimension
     */
    public static NDArray apply(NDArray g, NewtonSchulz orthogonalizer) {
        Check.notNull("orthogonalizer", orthogonalizer);
        Shape s = requireMatrix(g);
        return apply(g, orthogonalizer.scheduleFor(Math.toIntExact(s.get(0)), Math.toIntExact(s.get(1))));
    }

    /**
     * Orthogonalizes {@code g} with {@code schedule} (see the class documentation).
     *
     * @param g        a 2-D array, {@code m×n} with {@code m, n ≥ 1}; not modified
     * @param schedule the coefficients, eps and norm scale
     * @return a new {@code m×n} array on the same device
     * @throws IllegalArgumentException if {@code g} is not 2-D or has a zero dimension
     */
    public static NDArray apply(NDArray g, NewtonSchulzSchedule schedule) {
        Check.notNull("schedule", schedule);
        Shape s = requireMatrix(g);
        boolean transposed = s.get(0) > s.get(1);
        NDArray x = transposed ? g.transpose() : g;
        x = x.div(x.norm().mul(schedule.normScale()).add(schedule.eps()));
        for (int k = 0; k < schedule.steps(); k++) {
            NDArray a = x.matMul(x.transpose());
            NDArray b = a.mul(schedule.b(k)).addi(a.matMul(a).muli(schedule.c(k)));
            x = x.mul(schedule.a(k)).addi(b.matMul(x));
        }
        return transposed ? x.transpose() : x;
    }

    /** The shape of {@code g} after checking that it is a non-empty matrix. */
    static Shape requireMatrix(NDArray g) {
        Check.notNull("g", g);
        Shape s = g.getShape();
        if (s.dimension() != 2 || s.get(0) < 1 || s.get(1) < 1)
            throw new IllegalArgumentException("g has shape " + s + ", expected a 2-D array with both dimensions >= 1");
        return s;
    }
}
