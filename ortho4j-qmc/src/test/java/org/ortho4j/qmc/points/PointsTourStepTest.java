package org.ortho4j.qmc.points;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.ortho4j.core.tour.Plot;
import org.ortho4j.core.tour.TourCheck;
import org.ortho4j.core.tour.TourContext;
import org.ortho4j.core.tour.TourResult;
import org.ortho4j.core.tour.TourStep;
import org.ortho4j.testkit.Ortho4jTest;

class PointsTourStepTest extends Ortho4jTest {

    @Test
    void stepIsRegisteredAndPassesItsChecks() {
        boolean found = false;
        for (TourStep s : ServiceLoader.load(TourStep.class)) found |= s instanceof PointsTourStep;
        assertTrue(found, "PointsTourStep must be listed in META-INF/services");
        TourResult r = new PointsTourStep().run(TourContext.of(true, seed));
        assertEquals(9, r.checks().size());
        for (TourCheck c : r.checks()) assertTrue(c.passed(), c.check() + " = " + c.value() + " " + c.criterionText());
        assertEquals(2, r.plots().size());
        Plot cloud = r.plots().get(1);
        assertEquals(3, cloud.series().size());
        for (Plot.Series s : cloud.series()) {
            assertEquals(256, s.x().length);
            for (int i = 1; i < 256; i++) assertTrue(s.x()[i - 1] <= s.x()[i]);
        }
    }
}
