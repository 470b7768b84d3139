package org.ortho4j.qmc.points;

/**
 * Prime bases of the Halton sequence and the Faure–Lemieux multipliers of its QRNG variant.
 */
final class Primes {
    private Primes() {}

    /** Number of prime bases available (QMCPy: the first 1000 primes, 2 .. 7919). */
    static final int HALTON_LIMIT = 1000;

    private static final int[] FIRST = sieve(HALTON_LIMIT);

    /** The c-th prime (0-based: 2, 3, 5, ...), {@code c < HALTON_LIMIT}. */
    static int get(int c) { return FIRST[c]; }

    /** The first n primes by the sieve of Eratosthenes. */
    static int[] sieve(int n) {
        int bound = 16;
        while (true) {
            boolean[] composite = new boolean[bound + 1];
            int[] out = new int[n];
            int found = 0;
            for (int p = 2; p <= bound && found < n; p++) {
                if (composite[p]) continue;
                out[found++] = p;
                for (long q = (long) p * p; q <= bound; q += p) composite[(int) q] = true;
            }
            if (found == n) return out;
            bound *= 2;
        }
    }

    /** Number of multipliers in {@link #FAURE_LEMIEUX}: QRNG supports the first 360 prime bases. */
    static final int QRNG_LIMIT = 360;

    /**
     * Multipliers f_c of the generalized Halton sequence of Faure and Lemieux for the first 360
     * primes: digit a of base p_c becomes {@code (f_c a) mod p_c}. Data of H. Faure and C.
     * Lemieux, "Generalized Halton sequences in 2008: a comparative study", ACM TOMACS 19(4), 2009,
     * as used by the R package qrng ({@code ghalton}, Hofert and Lemieux) and QMCPy's
     * {@code halton_qrng.c} (table {@code permTN2}).
     */
    static final int[] FAURE_LEMIEUX = {
        1, 1, 3, 3, 4, 9, 7, 5, 9, 18, 18, 8, 13, 31, 9, 19, 36, 33, 21, 44,
        43, 61, 60, 56, 26, 71, 32, 77, 26, 95, 92, 47, 29, 61, 57, 69, 115, 63, 92, 31,
        104, 126, 50, 80, 55, 152, 114, 80, 83, 97, 95, 150, 148, 55, 80, 192, 71, 76, 82, 109,
        105, 173, 58, 143, 56, 177, 203, 239, 196, 143, 278, 227, 87, 274, 264, 84, 226, 163, 231, 177,
        95, 116, 165, 131, 156, 105, 188, 142, 105, 125, 269, 292, 215, 182, 294, 152, 148, 144, 382, 194,
        346, 323, 220, 174, 133, 324, 215, 246, 159, 337, 254, 423, 484, 239, 440, 362, 464, 376, 398, 174,
        149, 418, 306, 282, 434, 196, 458, 313, 512, 450, 161, 315, 441, 549, 555, 431, 295, 557, 172, 343,
        472, 604, 297, 524, 251, 514, 385, 531, 663, 674, 255, 519, 324, 391, 394, 533, 253, 717, 651, 399,
        596, 676, 425, 261, 404, 691, 604, 274, 627, 777, 269, 217, 599, 447, 581, 640, 666, 595, 669, 686,
        305, 460, 599, 335, 258, 649, 771, 619, 666, 669, 707, 737, 854, 925, 818, 424, 493, 463, 535, 782,
        476, 451, 520, 886, 340, 793, 390, 381, 274, 500, 581, 345, 363, 1024, 514, 773, 932, 556, 954, 793,
        294, 863, 393, 827, 527, 1007, 622, 549, 613, 799, 408, 856, 601, 1072, 938, 322, 1142, 873, 629, 1071,
        1063, 1205, 596, 973, 984, 875, 918, 1133, 1223, 933, 1110, 1228, 1017, 701, 480, 678, 1172, 689, 1138, 1022,
        682, 613, 635, 984, 526, 1311, 459, 1348, 477, 716, 1075, 682, 1245, 401, 774, 1026, 499, 1314, 743, 693,
        1282, 1003, 1181, 1079, 765, 815, 1350, 1144, 1449, 718, 805, 1203, 1173, 737, 562, 579, 701, 1104, 1105, 1379,
        827, 1256, 759, 540, 1284, 1188, 776, 853, 1140, 445, 1265, 802, 932, 632, 1504, 856, 1229, 1619, 774, 1229,
        1300, 1563, 1551, 1265, 905, 1333, 493, 913, 1397, 1250, 612, 1251, 1765, 1303, 595, 981, 671, 1403, 820, 1404,
        1661, 973, 1340, 1015, 1649, 855, 1834, 1621, 1704, 893, 1033, 721, 1737, 1507, 1851, 1006, 994, 923, 872, 1860
    };
}
