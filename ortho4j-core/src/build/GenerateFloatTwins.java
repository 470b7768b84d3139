import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Generates the float twins of ortho4j-core's hot double kernels (model: EJML's GenerateCode32).
 *
 * <p>Run from the repository root: {@code java ortho4j-core/src/build/GenerateFloatTwins.java}
 * rewrites the twins; with {@code --check} it only compares and exits 1 if a twin is stale (CI runs
 * this). Sources must avoid double literals (write {@code 0}, not {@code 0.0}) so the textual
 * rewrite stays valid.
 */
public final class GenerateFloatTwins {
    private static final String BASE = "ortho4j-core/src/main/java/org/ortho4j/core/";
    private static final List<List<String>> PAIRS = List.of(
            List.of(BASE + "backend/JavaDgemm.java", BASE + "backend/JavaSgemm.java"),
            List.of(BASE + "transform/DoubleFwhtKernel.java", BASE + "transform/FloatFwhtKernel.java"));

    public static void main(String[] args) throws IOException {
        boolean check = args.length > 0 && args[0].equals("--check");
        int stale = 0;
        for (List<String> pair : PAIRS) {
            String src = Files.readString(Path.of(pair.get(0)), StandardCharsets.UTF_8);
            String out = "// GENERATED from " + Path.of(pair.get(0)).getFileName() + " by ortho4j-core/src/build/GenerateFloatTwins.java — do not edit\n"
                    + toFloat(src);
            Path target = Path.of(pair.get(1));
            String old = Files.exists(target) ? Files.readString(target, StandardCharsets.UTF_8) : "";
            if (!old.equals(out)) {
                stale++;
                if (check) System.err.println("stale generated file: " + target);
                else Files.writeString(target, out, StandardCharsets.UTF_8);
            }
        }
        if (check && stale > 0) System.exit(1);
        System.out.println(check ? "generated float twins are up to date" : "wrote " + stale + " file(s)");
    }

    static String toFloat(String s) {
        return s.replaceAll("\\bdouble\\b", "float")
                .replaceAll("\\bJavaDgemm\\b", "JavaSgemm")
                .replaceAll("\\bDoubleFwhtKernel\\b", "FloatFwhtKernel")
                .replaceAll("\\bdgemm\\b", "sgemm")
                .replaceAll("\\bDouble\\b", "Float")
                .replace("The float twin\n * {@link JavaSgemm} is generated from this file", "Generated\n * from {@code JavaDgemm}")
                .replace("The float twin\n * {@code FloatFwhtKernel} is generated from this file.", "Generated from\n * {@code DoubleFwhtKernel}.");
    }
}
