package org.ortho4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ortho4j.core.tour.TourContext;
import org.ortho4j.core.tour.TourResult;
import org.ortho4j.core.tour.TourStep;
import org.ortho4j.core.backend.Backends;
import org.ortho4j.testkit.Ortho4jTest;
import picocli.CommandLine;

class TourCommandTest extends Ortho4jTest {

    private static final List<String> CORE_STEPS = List.of("gemm", "syrk", "backends", "determinism", "decomp", "householder", "orthogonalize", "transforms", "kronecker", "assignment");

    @Test
    void quickJsonTourPassesEveryCheck() throws Exception {
        Cli.Result r = Cli.main("tour", "--quick", "--json", "--no-progress");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("", r.err(), "--no-progress: nothing on stderr");
        JsonNode j = Json.mapper().readTree(r.out());
        List<String> caps = new ArrayList<>();
        int checks = 0;
        for (JsonNode step : j.get("steps")) {
            caps.add(step.get("capability").asText());
            assertTrue(step.get("checks").size() > 0, step.toString());
            for (JsonNode c : step.get("checks")) {
                checks++;
                assertTrue(c.get("passed").asBoolean(), c.toString());
                assertEquals(step.get("capability").asText(), c.get("capability").asText());
            }
        }
        assertEquals(CORE_STEPS, caps.subList(0, Math.min(caps.size(), CORE_STEPS.size())));
        assertEquals(checks, j.get("passed").asInt());
        assertEquals(0, j.get("failed").asInt());
        assertTrue(j.get("quick").asBoolean());
        assertEquals(42, j.get("seed").asLong());
        assertEquals(Backends.active().name(), j.get("machine").get("backend").asText());

        // the GEMM speed plot has one series per available backend, at the quick sizes, positive rates
        JsonNode plot = j.get("steps").get(0).get("plots").get(0);
        assertEquals("gemm-gflops", plot.get("id").asText());
        List<String> names = new ArrayList<>();
        for (JsonNode s : plot.get("series")) {
            names.add(s.get("name").asText());
            assertEquals("[256.0,512.0]", s.get("x").toString());
            for (JsonNode y : s.get("y")) assertTrue(y.asDouble() > 0, s.toString());
        }
        assertEquals(Backends.available(), names);
    }

    @Test
    void textTableIsAlignedAndEndsWithTheSummary() {
        Cli.Result r = Cli.main("tour", "--only", "determinism");
        assertEquals(0, r.exit(), r.out() + r.err());
        String[] lines = r.outLines();
        assertEquals("4 passed, 0 failed", lines[lines.length - 1]);
        assertTrue(lines[0].matches("capability\\s+check\\s+value\\s+criterion\\s+result"), lines[0]);
        assertTrue(lines[1].matches("-+( +-+){4}"), lines[1]);
        int resultColumn = lines[0].indexOf("result");
        for (int i = 2; i < lines.length - 1; i++) {
            assertTrue(lines[i].startsWith("determinism "), lines[i]);
            assertEquals("PASS", lines[i].substring(resultColumn), lines[i]);
        }
        assertEquals(7, lines.length, "header, rule, 4 checks, summary");
        if (System.console() == null)   // progress as plain lines on stderr (a bar on a console)
            assertTrue(r.err().startsWith("[1/1] determinism: "), r.err());
    }

    @Test
    void reportWritesIndexAndPlots(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("new/report");
        Cli.Result r = Cli.main("tour", "--quick", "--only", "gemm", "--no-progress", "--report", dir.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        Path index = dir.resolve("index.html");
        assertEquals("report: " + index.toAbsolutePath() + "\n", r.err());
        String html = Files.readString(index);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<img src=\"gemm-gflops.png\""), html);
        int checks = 1 + 2 * Backends.available().size();   // accuracy, then two sizes per backend
        assertTrue(html.contains("\">" + checks + " passed, 0 failed</p>"), html);
        assertTrue(html.contains("<th>backend</th>"), "machine information in the page");
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<script"), "self-contained");
        byte[] png = Files.readAllBytes(dir.resolve("gemm-gflops.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, Arrays.copyOf(png, 8));
        assertTrue(png.length > 1000, "a real image: " + png.length + " bytes");
        assertTrue(Files.readString(dir.resolve("gemm-gflops.svg")).contains("<svg"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("gemm-gflops.png", "gemm-gflops.svg", "index.html"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file left");
        }
    }

    @Test
    void usageErrorsExitWithTwo() {
        Cli.Result unknown = Cli.main("tour", "--bogus");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("Unknown option: '--bogus'"), unknown.err());

        Cli.Result badCapability = Cli.main("tour", "--only", "gemm,nosuch");
        assertEquals(2, badCapability.exit());
        assertTrue(badCapability.err().contains("--only nosuch: no such capability, expected one of "),
                badCapability.err());
        assertEquals("", badCapability.out());

        Cli.Result badSeed = Cli.main("tour", "--seed", "x");
        assertEquals(2, badSeed.exit());
    }

    @Test
    void listShowsTheRegisteredSteps() {
        Cli.Result r = Cli.main("tour", "--list");
        assertEquals(0, r.exit());
        List<String> caps = new ArrayList<>();
        String[] lines = r.outLines();
        for (int i = 2; i < lines.length; i++) caps.add(lines[i].split(" +")[0]);
        assertEquals(CORE_STEPS, caps.subList(0, Math.min(caps.size(), CORE_STEPS.size())));
    }

    /** A step whose only check fails, and one that throws: both count as failures, exit 1. */
    @Test
    void failingStepsExitWithOne() throws Exception {
        TourStep failing = step("bad", ctx -> TourResult.builder("bad").atMost("error", 1.0, 0.5).build());
        TourStep throwing = step("boom", ctx -> { throw new IllegalStateException("kaput"); });
        TourStep passing = step("good", ctx -> TourResult.builder("good").equalTo("zero", 0, 0).build());
        List<TourStep> steps = List.of(passing, failing, throwing);
        Cli.Result r = Cli.run(new CommandLine(new TourCommand(() -> steps)), "--no-progress");
        assertEquals(1, r.exit(), r.out());
        String[] lines = r.outLines();
        assertEquals("1 passed, 2 failed", lines[lines.length - 1]);
        assertTrue(r.out().contains("java.lang.IllegalStateException: kaput"), r.out());
        assertTrue(Arrays.stream(lines).anyMatch(l -> l.startsWith("bad ") && l.endsWith("FAIL") && l.contains("<= 0.5000")), r.out());

        Cli.Result json = Cli.run(new CommandLine(new TourCommand(() -> steps)), "--json", "--no-progress");
        assertEquals(1, json.exit());
        JsonNode j = Json.mapper().readTree(json.out());
        assertEquals(2, j.get("failed").asInt());
        assertEquals("ERROR", j.get("steps").get(2).get("checks").get(0).get("criterion").asText());

        Cli.Result allGood = Cli.run(new CommandLine(new TourCommand(() -> List.of(passing))), "--no-progress");
        assertEquals(0, allGood.exit(), "the same command passes when no check fails");
    }

    @Test
    void anErrorOutsideTheStepsExitsWithOneAndOneLine(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        Cli.Result r = Cli.main("tour", "--only", "determinism", "--no-progress", "--report", file.resolve("sub").toString());
        assertEquals(1, r.exit());
        String[] err = r.err().split("\n");
        assertEquals(1, err.length, r.err());
        assertTrue(err[0].startsWith("ortho4j tour: java.nio.file.") && err[0].contains(file.toString()), r.err());
        assertTrue(r.out().endsWith("4 passed, 0 failed\n"), "the results are printed before the report fails:\n" + r.out());

        try {
            Cli.Result verbose = Cli.main("tour", "-v", "--only", "determinism", "--no-progress", "--report", file.resolve("sub").toString());
            assertEquals(1, verbose.exit());
            assertTrue(verbose.err().contains("\tat "), "--verbose (inherited from the root) prints the stack trace");
        } finally {
            Main.quietLibraryLogs(true);
        }
    }

    private interface Body {
        TourResult run(TourContext ctx) throws Exception;
    }

    private static TourStep step(String capability, Body body) {
        return new TourStep() {
            @Override public String capability() { return capability; }
            @Override public String title() { return "test step " + capability; }
            @Override public TourResult run(TourContext ctx) throws Exception { return body.run(ctx); }
        };
    }
}
