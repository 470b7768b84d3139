import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generates {@code VectorSgemm} (float) from the hand-written {@code VectorDgemm} (double) of
 * ortho4j-vector, as ortho4j-core's {@code GenerateFloatTwins} does for the Java kernels.
 *
 * <p>Run from the repository root: {@code java ortho4j-vector/src/build/GenerateVectorTwins.java}
 * rewrites the twin; with {@code --check} it only compares and exits 1 if the twin is stale (for
 * CI). The double source must avoid double literals (write {@code 0}, not {@code 0.0}) so the
 * textual rewrite stays valid.
 */
public final class GenerateVectorTwins {
    private static final String BASE = "ortho4j-vector/src/main/java/org/ortho4j/vector/";

    public static void main(String[] args) throws IOException {
        boolean check = args.length > 0 && args[0].equals("--check");
        Path source = Path.of(BASE + "VectorDgemm.java"), target = Path.of(BASE + "VectorSgemm.java");
        String out = "// GENERATED from " + source.getFileName() + " by ortho4j-vector/src/build/GenerateVectorTwins.java — do not edit\n"
                + toFloat(Files.readString(source, StandardCharsets.UTF_8));
        String old = Files.exists(target) ? Files.readString(target, StandardCharsets.UTF_8) : "";
        boolean stale = !old.equals(out);
        if (stale && check) {
            System.err.println("stale generated file: " + target);
            System.exit(1);
        }
        if (stale) Files.writeString(target, out, StandardCharsets.UTF_8);
        System.out.println(check ? "generated vector twin is up to date" : stale ? "wrote " + target : "unchanged " + target);
    }

    static String toFloat(String s) {
        return s.replaceAll("\\bdouble\\b", "float")
                .replaceAll("\\bdoubles\\b", "floats")
                .replaceAll("\\bDoubleVector\\b", "FloatVector")
                .replaceAll("\\bDouble\\b", "Float")
                .replaceAll("\\bVectorDgemm\\b", "VectorSgemm")
                .replaceAll("\\bdgemm\\b", "sgemm")
                .replace("The float twin {@code VectorSgemm} is generated\n * from this file", "Generated from\n * {@code VectorDgemm}");
    }
}
