package org.ortho4j.qmc.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.ortho4j.core.tour.Plot;
import org.ortho4j.core.tour.TourCheck;
import org.ortho4j.core.tour.TourContext;
import org.ortho4j.core.tour.TourResult;
import org.ortho4j.core.tour.TourStep;
import org.ortho4j.testkit.Ortho4jTest;

class KernelTourStepTest extends Ortho4jTest {

    @Test
    void quickTourPassesItsAgreementChecksAndPlotsTheScaling() {
        TourResult r = new KernelTourStep().run(TourContext.of(true, seed));
        List<TourCheck> checks = r.checks();
        assertEquals(8, checks.size(), "3 agreement checks x 2 structures + 2 slopes");
        for (TourCheck c : checks) {
            assertEquals("qmc-kernel", c.capability());
            if (c.check().contains("exponent")) {
                // timing depends on the machine's load; the value must at least be a sane exponent
                assertTrue(c.value() > 0 && c.value() < 3, c.check() + " = " + c.value());
            } else {
                assertTrue(c.passed(), c.check() + " = " + c.value() + " " + c.criterionText());
            }
        }
        assertEquals(1, r.plots().size());
        Plot p = r.plots().get(0);
        assertEquals(Plot.Kind.LINE, p.kind());
        assertEquals(2, p.series().size());
        for (Plot.Series s : p.series()) {
            assertEquals(5, s.x().length, "n = 2^10 .. 2^14 with --quick");
            assertEquals(1024, s.x()[0]);
            for (double ms : s.y()) assertTrue(ms > 0 && Double.isFinite(ms));
        }
    }

    @Test
    void slopeOfAPowerLawIsItsExponent() {
        double[] x = {1024, 2048, 4096, 8192};
        double[] y = new double[4];
        for (int i = 0; i < 4; i++) y[i] = 3e-5 * Math.pow(x[i], 1.25);
        assertEquals(1.25, KernelTourStep.slope(x, y), 1e-12);
        assertEquals(0, KernelTourStep.relativeDifference(new double[] {1, 2}, new double[] {1, 2}));
        assertEquals(0.5, KernelTourStep.relativeDifference(new double[] {3, 0}, new double[] {2, 0}), 1e-15);
    }

    @Test
    void registeredAsAServiceOnItsOwnLine() throws Exception {
        String file = "META-INF/services/" + TourStep.class.getName();
        boolean found = false;
        for (java.util.Iterator<java.net.URL> it = getClass().getClassLoader().getResources(file).asIterator(); it.hasNext(); ) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(it.next().openStream(), StandardCharsets.UTF_8))) {
                found |= in.lines().map(String::trim).anyMatch(KernelTourStep.class.getName()::equals);
            }
        }
        assertTrue(found, "no line " + KernelTourStep.class.getName() + " in " + file);
        assertTrue(ServiceLoader.load(TourStep.class).stream().anyMatch(p -> p.type() == KernelTourStep.class));
    }
}
