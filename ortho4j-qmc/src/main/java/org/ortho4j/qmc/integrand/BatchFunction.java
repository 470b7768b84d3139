package org.ortho4j.qmc.integrand;

import org.ortho4j.core.linalg.Matrix;

/**
 * A user integrand over a batch of points: {@code n x d} points in, {@code n x k} values out
 * (k the number of outputs). Must not modify its argument; must be thread-safe if the cubature
 * is run from several threads.
 */
@FunctionalInterface
public interface BatchFunction {
    /**
     * Evaluates the function at every row of {@code t}.
     *
     * @param t an {@code n x d} matrix, one point per row (do not modify)
     * @return a new {@code n x k} matrix, row i the value(s) at point i
     */
    Matrix apply(Matrix t);
}
