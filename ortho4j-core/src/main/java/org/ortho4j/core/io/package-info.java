/**
 * File input and output for ortho4j: NumPy {@code .npy}, Hugging Face {@code .safetensors} and
 * numeric CSV, all exact (bit-for-bit) and all validated.
 *
 * <h2>At a glance</h2>
 * <pre>{@code
 * // NumPy: np.save / np.load compatible, byte-identical output
 * Matrix a = Npy.readMatrix(Path.of("a.npy"));          // f8/f4/f2/int -> double, 1-D -> 1 x n
 * Npy.write(Path.of("q.npy"), q);                        // <f8, C order, exactly as np.save writes it
 * NdArray raw = Npy.read(Path.of("x.npy"));              // any supported dtype, shape, order
 * int[] labels = raw.ints();                             // holder array in file order, no copy
 *
 * // safetensors: header validated on open, tensors read lazily
 * try (Safetensors st = Safetensors.open(Path.of("model.safetensors"))) {
 *     FloatMatrix w = st.readFloatMatrix("layer.0.weight");  // F32 / F16 / BF16 -> float, exact
 * }
 * Safetensors.write(Path.of("out.safetensors"), Map.of("w", NdArray.of(w)), Map.of("format", "pt"));
 *
 * // CSV: shortest round-trip text, comments, optional header
 * CsvMatrix.write(Path.of("m.csv"), m, List.of("x", "y"));
 * CsvMatrix.Table t = CsvMatrix.read(Path.of("m.csv"), true);
 * }</pre>
 *
 * <h2>Data model</h2>
 * {@link org.ortho4j.core.io.NdArray} is the common in-memory form: an
 * {@link org.ortho4j.core.io.ElementType}, a shape, C or Fortran order and one primitive array
 * ({@code double[]}, {@code float[]}, {@code int[]} or {@code long[]}, the narrowest Java type that
 * holds every value of the element type exactly). Conversions to
 * {@link org.ortho4j.core.linalg.Matrix} and {@link org.ortho4j.core.linalg.FloatMatrix} follow
 * numpy's {@code atleast_2d} (a vector becomes one row) and never lose integers silently: an int64
 * that a double cannot hold exactly is an error, not a rounded number.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li><b>Exact.</b> Readers reproduce the stored bits (including -0.0, subnormals, infinities,
 *       NaN payloads of the floating types and the 16-bit float formats, see
 *       {@link org.ortho4j.core.io.HalfFloats}); the npy writer emits exactly numpy's bytes; CSV
 *       text reads back to the identical doubles.</li>
 *   <li><b>Validated.</b> Every malformed input (bad magic, unsupported version or dtype, malformed
 *       header, inconsistent sizes or offsets, truncated or trailing data, ragged or non-numeric
 *       CSV) raises {@link org.ortho4j.core.io.FileFormatException}, an {@link java.io.IOException}
 *       whose message names the file, the place and what was expected; never an unchecked index or
 *       array exception.</li>
 *   <li><b>Atomic.</b> Every writer goes through {@link org.ortho4j.core.io.AtomicFiles}: a
 *       temporary file in the target's directory, fsync, atomic rename. A failed write leaves the
 *       old file as it was.</li>
 *   <li><b>Streaming.</b> Element data moves through a 64 KiB buffer; the only large allocation is
 *       the array returned or written. Readers are limited to {@link
 *       org.ortho4j.core.io.NdArray#MAX_ELEMENTS} elements per array, the Java array limit.</li>
 * </ul>
 *
 * <h2>References</h2>
 * NumPy, {@code numpy.lib.format} (NEP 1, "A simple file format for NumPy arrays"); Hugging Face
 * safetensors format description and reference implementation (huggingface/safetensors);
 * IEEE 754-2008 binary16; the bfloat16 format (Google Brain). The tests check against files numpy
 * 2.x wrote ({@code src/test/resources/io/make_fixtures.py}).
 */
package org.ortho4j.core.io;
