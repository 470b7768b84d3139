package org.ortho4j.core.decomp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ortho4j.core.decomp.DecompTesting.assertThrowsWith;

import dev.ludovic.netlib.lapack.JavaLAPACK;
import dev.ludovic.netlib.lapack.LAPACK;
import dev.ludovic.netlib.lapack.NativeLAPACK;
import org.junit.jupiter.api.Test;
import org.ortho4j.testkit.Ortho4jTest;

class LapackTest extends Ortho4jTest {

    @Test
    void selectionByNameAndProperty() {
        assertTrue(Lapack.byName("java") instanceof JavaLAPACK);
        assertTrue(Lapack.byName(" JAVA ") instanceof JavaLAPACK, "trimmed, case-insensitive");
        assertSame(LAPACK.getInstance(), Lapack.byName("default"));
        assertSame(LAPACK.getInstance(), Lapack.fromProperty(null));
        assertSame(LAPACK.getInstance(), Lapack.fromProperty("  "));
        assertTrue(Lapack.fromProperty("java") instanceof JavaLAPACK);
        assertThrowsWith(IllegalArgumentException.class, () -> Lapack.fromProperty("fortran"), "org.ortho4j.lapack = fortran", "java or native");
        assertThrowsWith(IllegalArgumentException.class, () -> Lapack.byName("mkl"), "name = mkl");
        assertThrowsWith(IllegalArgumentException.class, () -> Lapack.byName(null), "name is null");
        // Native either loads (then it is JNI) or says why not; both are legitimate on some machine.
        try {
            assertTrue(Lapack.byName("native") instanceof NativeLAPACK);
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage().startsWith("native LAPACK not available: "), e.getMessage());
        }
        String forced = System.getProperty(Lapack.PROPERTY);
        if (forced == null || forced.isBlank()) assertSame(LAPACK.getInstance(), Lapack.get());
        else assertEquals(Lapack.fromProperty(forced).getClass(), Lapack.get().getClass(), "forced by -D" + Lapack.PROPERTY);
        assertTrue(Lapack.describe(Lapack.byName("java")).contains("pure Java"));
    }

    @Test
    void exceptionMessages() {
        LapackException e = new LapackException("dgesdd", 3, "the divide and conquer did not converge");
        assertEquals("dgesdd returned info = 3: the divide and conquer did not converge", e.getMessage());
        assertEquals("dgesdd", e.routine());
        assertEquals(3, e.info());
        assertThrowsWith(LapackException.class, () -> LapackSupport.check("dgeev", -4, "x"), "dgeev returned info = -4", "argument 4");
        LapackSupport.check("dgeev", 0, "never");
        assertEquals(7, LapackSupport.lwork(6.2, 3), "query rounded up");
        assertEquals(9, LapackSupport.lwork(6, 9), "never below the documented minimum");
        assertEquals(1, LapackSupport.lwork(0, 0), "never below 1");
    }
}
