package org.ortho4j.qmc.cubature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.ortho4j.core.tour.Plot;
import org.ortho4j.core.tour.TourCheck;
import org.ortho4j.core.tour.TourContext;
import org.ortho4j.core.tour.TourResult;
import org.ortho4j.core.tour.TourStep;
import org.ortho4j.testkit.Ortho4jTest;

class CubatureTourStepTest extends Ortho4jTest {

    @Test
    void quickTourPassesEveryCheckAndPlotsThreeSeries() throws Exception {
        List<String> log = new ArrayList<>();
        TourResult r = new CubatureTourStep().run(new TourContext(true, 42, List.of("java"), log::add));
        for (TourCheck c : r.checks()) assertTrue(c.passed(), c.check() + ": " + c.value() + " " + c.criterionText());
        assertEquals(4 * 2 + 4, r.checks().size());                  // 4 methods x 2 checks + 4 slope checks
        Plot p = r.plots().get(0);
        assertEquals("qmc-keister-rmse", p.id());
        assertEquals(3, p.series().size());
        assertEquals(11, p.series().get(0).x().length);              // n = 2^4 .. 2^14 in quick mode
        assertTrue(log.get(0).startsWith("method"), "the convergence table header is logged first: " + log);
        assertTrue(log.size() >= 5 + 12);
    }

    @Test
    void stepIsRegisteredForTheServiceLoader() throws Exception {
        boolean found = false;
        for (TourStep s : ServiceLoader.load(TourStep.class)) found |= s instanceof CubatureTourStep;
        assertTrue(found);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(getClass().getClassLoader()
                .getResourceAsStream("META-INF/services/org.ortho4j.core.tour.TourStep"), StandardCharsets.UTF_8))) {
            assertTrue(in.lines().anyMatch("org.ortho4j.qmc.cubature.CubatureTourStep"::equals));
        }
    }
}
