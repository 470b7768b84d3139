package org.ortho4j.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Readers for the golden files copied from {@code shared/data} into a module's
 * {@code src/test/resources}: JSON (numbers as Python {@code repr}, so {@link JsonNode#asDouble()}
 * recovers them exactly; nested lists row-major) and plain CSV matrices. Special values written by
 * Python as strings ("NaN", "Infinity", "-Infinity") are accepted.
 */
public final class Golden {
    private Golden() {}
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);

    /** Opens a class-path resource (gunzipped when it ends in {@code .gz}); fails clearly if missing. */
    public static InputStream open(String resource) {
        String r = resource.startsWith("/") ? resource.substring(1) : resource;
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(r);
        if (in == null) throw new IllegalArgumentException("golden resource not found on the class path: " + r);
        try {
            return r.endsWith(".gz") ? new GZIPInputStream(in) : in;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a JSON resource. */
    public static JsonNode json(String resource) {
        try (InputStream in = open(resource)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read golden JSON " + resource, e);
        }
    }

    /** A JSON number or one of the strings NaN / Infinity / -Infinity. */
    public static double number(JsonNode n) {
        if (n.isNumber()) return n.asDouble();
        if (n.isTextual()) return Double.parseDouble(n.asText().replace("inf", "Infinity").replace("nan", "NaN"));
        throw new IllegalArgumentException("expected a number, got " + n);
    }

    /** A JSON list of numbers. */
    public static double[] vector(JsonNode n) {
        if (!n.isArray()) throw new IllegalArgumentException("expected a JSON list, got " + n.getNodeType());
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) v[i] = number(n.get(i));
        return v;
    }

    /** A JSON list of lists (row-major); a list of numbers is read as one row. */
    public static double[][] matrix(JsonNode n) {
        if (!n.isArray()) throw new IllegalArgumentException("expected a JSON list of lists, got " + n.getNodeType());
        if (n.size() > 0 && !n.get(0).isArray()) return new double[][] {vector(n)};
        double[][] m = new double[n.size()][];
        for (int i = 0; i < m.length; i++) m[i] = vector(n.get(i));
        return m;
    }

    /** Row-major flattening of a JSON list of lists. */
    public static double[] flat(JsonNode n) {
        double[][] m = matrix(n);
        int c = m.length == 0 ? 0 : m[0].length;
        double[] out = new double[m.length * c];
        for (int i = 0; i < m.length; i++) System.arraycopy(m[i], 0, out, i * c, c);
        return out;
    }

    /** A numeric CSV resource (comma or whitespace separated; lines starting with # skipped). */
    public static double[][] csv(String resource) {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(resource), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                line = line.trim();
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] parts = line.split("[,\\s]+");
                double[] row = new double[parts.length];
                try {
                    for (int j = 0; j < parts.length; j++) row[j] = Double.parseDouble(parts[j]);
                } catch (NumberFormatException e) {
                    if (rows.isEmpty()) continue; // header line
                    throw e;
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read golden CSV " + resource, e);
        }
        return rows.toArray(new double[0][]);
    }
}
