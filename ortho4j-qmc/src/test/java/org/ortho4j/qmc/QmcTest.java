package org.ortho4j.qmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ortho4j.qmc.cubature.ErrorCriterion;
import org.ortho4j.qmc.cubature.IntegrationResult;
import org.ortho4j.qmc.integrand.Integrand;
import org.ortho4j.qmc.integrand.Keister;
import org.ortho4j.qmc.points.DigitalNetB2;
import org.ortho4j.qmc.points.IidUniform;
import org.ortho4j.qmc.points.Lattice;
import org.ortho4j.testkit.Ortho4jTest;

class QmcTest extends Ortho4jTest {

    private static void assertMessageStarts(String prefix, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    }

    @Test
    void commandLineExampleKeisterD3ToAbsTol1e4() {
        // ortho4j qmc integrate --integrand keister --d 3 --abs-tol 1e-4
        IntegrationResult r = Qmc.integrate(Qmc.integrand("keister", 3), Qmc.Options.defaults().absTol(1e-4));
        assertTrue(r.isConverged(), r.toString());
        assertEquals("CubQMCNetG", r.method());
        assertEquals(2.168309102165481, r.value(), 1e-4, r.toString());
        assertTrue(r.errorBound() <= 1e-4);
    }

    @Test
    void everyMethodRunsThroughTheFacade() {
        Integrand k = new Keister(2);
        for (Qmc.Method m : Qmc.Method.values()) {
            double tol = m == Qmc.Method.MC_CLT || m == Qmc.Method.MC_G ? 0.05 : 1e-3;
            IntegrationResult r = Qmc.integrate(k, Qmc.Options.defaults().method(m).absTol(tol).seed(seed));
            assertEquals(m.qmcpyName(), r.method());
            assertTrue(r.isConverged(), r.toString());
            assertEquals(Keister.exact(2), r.value(), tol, r.toString());
        }
        IntegrationResult capped = Qmc.integrate(k, Qmc.Options.defaults().absTol(1e-12).nLimit(1 << 11));
        assertEquals(1 << 11, capped.nTotal());
        assertTrue(!capped.isConverged());
        IntegrationResult rel = Qmc.integrate(k, Qmc.Options.defaults().absTol(1e-3).relTol(1e-3).criterion(ErrorCriterion.BOTH));
        assertEquals(Keister.exact(2), rel.value(), 1e-3);
    }

    @Test
    void pointSetsMatchTheMethods() {
        assertInstanceOf(DigitalNetB2.class, Qmc.points(Qmc.Method.NET_G, 3, 16, 0));
        assertInstanceOf(Lattice.class, Qmc.points(Qmc.Method.BAYES_LATTICE_G, 3, 16, 0));
        assertInstanceOf(IidUniform.class, Qmc.points(Qmc.Method.MC_G, 3, 16, 0));
        assertEquals(16, Qmc.points(Qmc.Method.REP_STUDENT_T, 3, 16, 0).replications());
    }

    @Test
    void namesParseAndUnknownNamesAreListed() {
        assertEquals(Qmc.Method.NET_G, Qmc.Method.parse("net-g"));
        assertEquals(Qmc.Method.MC_CLT, Qmc.Method.parse("CubMCCLT"));
        assertEquals(Qmc.Method.BAYES_LATTICE_G, Qmc.Method.parse(" bayes_lattice_g "));
        assertMessageStarts("method = sobol, expected one of [NET_G", () -> Qmc.Method.parse("sobol"));
        for (String name : Qmc.integrandNames()) {
            Integrand f = Qmc.integrand(name, 3);
            assertEquals(3, f.dimension(), name);
        }
        assertMessageStarts("integrand = rosenbrock, expected one of [keister", () -> Qmc.integrand("rosenbrock", 3));
        assertMessageStarts("d = 2, expected 3 for ishigami", () -> Qmc.integrand("ishigami", 2));
        assertMessageStarts("d = 0", () -> Qmc.integrand("keister", 0));
        assertMessageStarts("replications = 1", () -> Qmc.Options.defaults().replications(1));
        assertMessageStarts("nLimit = -1", () -> Qmc.Options.defaults().nLimit(-1));
        assertMessageStarts("absTol = -0.1", () -> Qmc.integrate(new Keister(2), Qmc.Options.defaults().absTol(-0.1)));
    }
}
