package org.ortho4j.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ortho4j.core.io.IoFixtures.assertArgumentError;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ortho4j.core.linalg.FloatMatrix;
import org.ortho4j.core.linalg.Matrix;
import org.ortho4j.testkit.Ortho4jTest;

class NdArrayTest extends Ortho4jTest {

    /**
     * A random array of any type: floats from random bit patterns (so NaNs, infinities, subnormals
     * and -0.0 occur; 16-bit types get exactly representable values), integers over their whole range.
     */
    static NdArray randomArray(ElementType t, int[] shape, boolean fortran, SplittableRandom rng) {
        int n = (int) NdArray.elementCount(shape, "shape");
        Object data = ElementCodec.allocate(t, n);
        for (int i = 0; i < n; i++) {
            switch (t) {
                case FLOAT64 -> ((double[]) data)[i] = Double.longBitsToDouble(rng.nextLong());
                case FLOAT32 -> ((float[]) data)[i] = Float.intBitsToFloat(rng.nextInt());
                case FLOAT16 -> ((float[]) data)[i] = HalfFloats.f16ToFloat((short) rng.nextInt());
                case BFLOAT16 -> ((float[]) data)[i] = HalfFloats.bf16ToFloat((short) rng.nextInt());
                case INT64 -> ((long[]) data)[i] = rng.nextLong();
                case UINT32 -> ((long[]) data)[i] = rng.nextLong(0, 1L << 32);
                default -> ((int[]) data)[i] = (int) rng.nextLong(t.minValue(), t.maxValue() + 1);
            }
        }
        return NdArray.of(t, shape, fortran, data);
    }

    @Test
    void constructorValidatesAndNamesTheProblem() {
        assertArgumentError(() -> NdArray.of(ElementType.FLOAT32, new int[] {2}, false, new double[2]),
                "data is a double[], expected float[] for element type FLOAT32");
        assertArgumentError(() -> NdArray.of(ElementType.FLOAT64, new int[] {2, 3}, false, new double[5]),
                "data.length = 5, expected product of shape (2, 3) = 6");
        assertArgumentError(() -> NdArray.of(ElementType.FLOAT64, new int[] {2, -3}, false, new double[0]), "shape[1] = -3, expected >= 0");
        assertArgumentError(() -> NdArray.of(ElementType.INT8, new int[] {65536, 65536}, false, new int[0]),
                "shape = (65536, 65536) has more than 2147483639 elements");
        assertArgumentError(() -> NdArray.of(ElementType.UINT8, new int[] {3}, false, new int[] {0, 256, 1}),
                "data[1] = 256, expected in [0, 255] for element type UINT8");
        assertArgumentError(() -> NdArray.of(ElementType.BOOL, new int[] {2}, false, new int[] {1, -1}), "data[1] = -1, expected in [0, 1]");
        assertArgumentError(() -> NdArray.of(ElementType.INT16, new int[] {1}, false, new int[] {40000}), "data[0] = 40000");
        assertArgumentError(() -> NdArray.of(ElementType.UINT32, new int[] {1}, false, new long[] {1L << 32}), "data[0] = 4294967296");
        assertArgumentError(() -> NdArray.of(null, new int[0], false, new double[1]), "type is null");
        // zero dimensions: empty whatever the others are, even beyond the element limit
        assertEquals(0, NdArray.of(ElementType.FLOAT64, new int[] {Integer.MAX_VALUE, 0, Integer.MAX_VALUE}, false, new double[0]).size());
        assertEquals(1, NdArray.of(ElementType.FLOAT64, new int[0], false, new double[1]).size());
    }

    @Test
    void accessorsReturnTheHolderOrSayWhich() {
        int[] v = {1, 2, 3};
        NdArray a = NdArray.vector(v);
        assertSame(v, a.ints(), "the holder is shared, not copied");
        IllegalStateException e = assertThrows(IllegalStateException.class, a::doubles);
        assertTrue(e.getMessage().contains("INT32 array is held in a int[], not a double[]"), e.getMessage());
        assertArgumentError(() -> a.dim(1), "axis = 1, expected in [0, 0]");
        int[] shape = a.shape();
        shape[0] = 99;
        assertEquals(3, a.dim(0), "shape() returns a copy");
        assertEquals("NdArray[INT32, shape (3,), C order]", a.toString());
    }

    @Test
    void fortranToCMatchesIndexArithmeticOnManyShapes() {
        int[][] shapes = {{}, {0}, {1}, {5}, {1, 1}, {2, 3}, {3, 2}, {1, 7}, {7, 1}, {5, 3}, {2, 3, 4}, {3, 1, 5}, {2, 2, 2, 3}, {0, 4}, {4, 0, 2}};
        for (int[] shape : shapes) {
            NdArray f = randomArray(ElementType.FLOAT64, shape, true, rng());
            double[] raw = f.doubles(), c = f.toCOrder().doubles();
            int n = f.size(), nd = shape.length;
            int[] idx = new int[nd];
            for (int p = 0; p < n; p++) { // walk C order, compute the Fortran position directly
                int fpos = 0;
                for (int j = nd - 1; j >= 0; j--) fpos = fpos * shape[j] + idx[j];
                assertEquals(Double.doubleToRawLongBits(raw[fpos]), Double.doubleToRawLongBits(c[p]),
                        java.util.Arrays.toString(shape) + " at C position " + p);
                for (int j = nd - 1; j >= 0 && ++idx[j] == shape[j]; j--) idx[j] = 0;
            }
        }
        NdArray c = NdArray.vector(new double[] {1, 2});
        assertSame(c, c.toCOrder(), "a C-order array is returned as is");
    }

    @Test
    void integerConversionsAreExactOrFail() {
        assertArrayEquals(new double[] {-0x1p63, -0x1p53, 0x1p53, 3}, NdArray.vector(new long[] {Long.MIN_VALUE, -(1L << 53), 1L << 53, 3}).toDoubleArray());
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> NdArray.vector(new long[] {0, (1L << 53) + 1}).toDoubleArray());
        assertTrue(e.getMessage().contains("element 1 (C order) of this INT64 array, 9007199254740993, is not exactly representable as a double"), e.getMessage());
        // Long.MAX_VALUE rounds to 2^63, which (long) saturates back to MAX_VALUE: must still be caught
        assertThrows(ArithmeticException.class, () -> NdArray.vector(new long[] {Long.MAX_VALUE}).toDoubleArray());
        assertThrows(ArithmeticException.class, () -> NdArray.vector(new int[] {Integer.MAX_VALUE}).toFloatArray());
        assertThrows(ArithmeticException.class, () -> NdArray.vector(new int[] {(1 << 24) + 1}).toFloatArray());
        assertThrows(ArithmeticException.class, () -> NdArray.vector(new long[] {Long.MAX_VALUE}).toFloatArray());
        assertArrayEquals(new float[] {-0x1p31f, 0x1p24f, -0x1p63f}, new float[] {
                NdArray.vector(new int[] {Integer.MIN_VALUE}).toFloatArray()[0],
                NdArray.vector(new int[] {1 << 24}).toFloatArray()[0],
                NdArray.vector(new long[] {Long.MIN_VALUE}).toFloatArray()[0]});
        // double -> float rounds to nearest (the caller asked for float): 0.1 -> 0.1f
        assertArrayEquals(new float[] {0.1f, Float.POSITIVE_INFINITY}, NdArray.vector(new double[] {0.1, 1e300}).toFloatArray());
    }

    @Test
    void matrixShapesAndViewsCopy() {
        Matrix m = Matrix.gaussian(4, 5, seed).view(1, 1, 3, 2);
        NdArray a = NdArray.of(m);
        assertArrayEquals(new int[] {3, 2}, a.shape());
        assertEquals(m, a.toMatrix());
        FloatMatrix f = FloatMatrix.gaussian(3, 4, seed);
        assertEquals(f, NdArray.of(f).toFloatMatrix());
        Matrix scalar = NdArray.of(ElementType.INT16, new int[0], false, new int[] {-7}).toMatrix();
        assertEquals(1, scalar.rows);
        assertEquals(-7.0, scalar.get(0, 0));
        Matrix row = NdArray.vector(new float[] {1, 2, 3}).toMatrix();
        assertEquals(1, row.rows);
        assertEquals(3, row.cols);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NdArray.of(ElementType.FLOAT32, new int[] {1, 1, 1}, false, new float[1]).toFloatMatrix());
        assertTrue(e.getMessage().contains("3-D array of shape (1, 1, 1) is not a matrix"), e.getMessage());
    }

    @Test
    void equalityComparesTypeShapeOrderAndElements() {
        NdArray a = NdArray.of(ElementType.FLOAT64, new int[] {2, 2}, false, new double[] {1, Double.NaN, 0.0, 4});
        NdArray same = NdArray.of(ElementType.FLOAT64, new int[] {2, 2}, false, new double[] {1, Double.NaN, 0.0, 4});
        assertEquals(a, same, "NaN equals NaN");
        assertEquals(a.hashCode(), same.hashCode());
        assertNotEquals(a, NdArray.of(ElementType.FLOAT64, new int[] {2, 2}, false, new double[] {1, Double.NaN, -0.0, 4}), "-0.0 differs");
        assertNotEquals(a, NdArray.of(ElementType.FLOAT64, new int[] {4}, false, new double[] {1, Double.NaN, 0.0, 4}), "shape");
        assertNotEquals(a, NdArray.of(ElementType.FLOAT64, new int[] {2, 2}, true, new double[] {1, Double.NaN, 0.0, 4}), "order");
        assertNotEquals(NdArray.vector(new int[] {1}), NdArray.of(ElementType.INT16, new int[] {1}, false, new int[] {1}), "type");
    }
}
