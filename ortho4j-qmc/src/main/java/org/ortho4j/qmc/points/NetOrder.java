package org.ortho4j.qmc.points;

/** Order of the points of a base-2 digital net (QMCPy {@code order}). */
public enum NetOrder {
    /**
     * Natural order (QMCPy's default {@code 'RADICAL INVERSE'}, alias NATURAL): point i is the XOR
     * of the columns k for which bit k of i is set. The first 2^m points are the net of size 2^m.
     */
    RADICAL_INVERSE,
    /**
     * Gray-code order (scipy's order): point i is the natural point of index {@code i ^ (i >> 1)};
     * consecutive points differ by one column. The first 2^m points are the same set as in
     * natural order.
     */
    GRAY
}
