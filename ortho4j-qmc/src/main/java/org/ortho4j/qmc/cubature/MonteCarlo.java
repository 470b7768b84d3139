package org.ortho4j.qmc.cubature;

import java.util.List;
import org.ortho4j.core.decomp.Solvers;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.qmc.PointSet;
import org.ortho4j.qmc.integrand.Integrand;
import org.ortho4j.qmc.points.IidUniform;

/** Shared parts of the IID Monte Carlo criteria (package-private). */
final class MonteCarlo {
    private MonteCarlo() {}

    /** Requires IID points (QMCPy allows only IID distributions for the MC criteria). */
    static void requireIid(PointSet points, String method) {
        if (!(points instanceof IidUniform))
            throw new IllegalArgumentException("points = " + points + ", expected IidUniform points (" + method
                    + " relies on independent samples; use CubQMCRepStudentT for randomized low-discrepancy points)");
    }

    /**
     * QMCPy's pilot-sample control-variate coefficients: least squares of the centred integrand
     * values on the centred control-variate values at points {@code [0, n)}.
     */
    static double[] pilotBeta(Integrand f, List<ControlVariate> cvs, PointSet points, long n) {
        int ncv = cvs.size();
        if (ncv == 0) return new double[0];
        Matrix x = points.points(0, n);
        double[] y = f.f(x).data;
        Matrix a = new Matrix((int) n, ncv), b = new Matrix((int) n, 1);
        double ym = mean(y);
        for (int i = 0; i < n; i++) b.data[i] = y[i] - ym;
        for (int c = 0; c < ncv; c++) {
            double[] h = cvs.get(c).integrand().f(x).data;
            double hm = mean(h);
            for (int i = 0; i < n; i++) a.data[i * ncv + c] = h[i] - hm;
        }
        Matrix sol = Solvers.leastSquares(a, b).solution();
        double[] beta = new double[ncv];
        for (int c = 0; c < ncv; c++) beta[c] = sol.data[c];
        return beta;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }
}
