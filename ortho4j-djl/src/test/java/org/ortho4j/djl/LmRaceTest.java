package org.ortho4j.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ortho4j.testkit.Ortho4jTest;

/** The race protocol on a tiny model: table, equal-time phase, determinism, CSV/JSON output. */
class LmRaceTest extends Ortho4jTest {
    private static final LmRace.Config TINY = LmRace.Config.quick().toBuilder().model(new CharTransformer.Config(62, 8, 8, 2, 1))
            .batchSize(4).steps(6).evaluation(3, 1).seeds(List.of(5L, 6L))
            .contenders(List.of(LmRace.Contender.ADAMW, LmRace.Contender.MUON)).equalTime(true, LmRace.Clock.CPU).build();

    @TempDir
    Path dir;

    @Test
    void raceTableEqualTimePhaseAndFiles() throws Exception {
        LmRace.Result result = LmRace.run(TINY, m -> { });
        assertTrue(result.engine().startsWith("PyTorch 2.7.1"), result.engine());
        assertEquals(4, result.table().size());
        assertEquals(8, result.runs().size());   // 2 contenders x 2 seeds x 2 budgets
        for (LmRace.Contender c : TINY.contenders()) {
            LmRace.Row steps = result.row(c, LmRace.Budget.STEPS), time = result.row(c, LmRace.Budget.TIME);
            assertNotNull(steps);
            assertNotNull(time);
            assertEquals(6, steps.steps());
            assertEquals(2, steps.runs());
            assertTrue(steps.trainSpread() >= 0 && Double.isFinite(steps.valLoss()), c + ": " + steps);
            assertTrue(steps.cpuMillisPerStep() > 0 && steps.orthoShare() >= 0 && steps.orthoShare() <= steps.optimizerShare(), c + ": " + steps);
        }
        // The fastest contender keeps its steps (its equal-step runs are reused); the other gets round(budget / its time).
        double a = result.row(LmRace.Contender.ADAMW, LmRace.Budget.STEPS).cpuMillisPerStep();
        double m = result.row(LmRace.Contender.MUON, LmRace.Budget.STEPS).cpuMillisPerStep();
        LmRace.Contender fast = a <= m ? LmRace.Contender.ADAMW : LmRace.Contender.MUON;
        LmRace.Contender slow = fast == LmRace.Contender.ADAMW ? LmRace.Contender.MUON : LmRace.Contender.ADAMW;
        assertEquals(6, result.row(fast, LmRace.Budget.TIME).steps());
        assertEquals(Math.max(1, Math.round(6 * Math.min(a, m) / Math.max(a, m))), result.row(slow, LmRace.Budget.TIME).steps(), 0.0);
        assertTrue(result.formatTable().contains("time/cpu"), result.formatTable());

        Path csv = dir.resolve("lm-race.csv"), json = dir.resolve("lm-race.json");
        Files.writeString(csv, "stale");
        LmRace.writeCurvesCsv(result, csv);
        LmRace.writeJson(result, json);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("optimizer,budget,seed,lr,step,seconds,cpu_seconds,train_loss,val_loss", lines.get(0));
        int expected = 1 + result.runs().stream().mapToInt(r -> r.completedSteps() + 1).sum();
        assertEquals(expected, lines.size());
        assertTrue(lines.get(1).startsWith("AdamW,STEPS,5,0.003,0,0,0,,"), lines.get(1));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary files left");
        }
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(62, root.at("/config/model/vocabulary").asInt());
        assertEquals("CPU", root.at("/config/clock").asText());
        assertEquals(4, root.get("table").size());
        assertEquals(8, root.get("runs").size());
        JsonNode run = root.get("runs").get(0);
        assertEquals(run.get("completedSteps").asInt(), run.get("stepLoss").size());
        assertEquals(result.runs().get(0).finalValLoss(), run.get("finalValLoss").asDouble(), 0.0);
    }

    @Test
    void runsAreDeterministic() {
        CharCorpus corpus = CharCorpus.shakespeare();
        LmRace.Run a = LmRace.train(TINY, corpus, LmRace.Contender.MUON, 9, 4, LmRace.Budget.STEPS, m -> { });
        LmRace.Run b = LmRace.train(TINY, corpus, LmRace.Contender.MUON, 9, 4, LmRace.Budget.STEPS, m -> { });
        assertArrayEquals(a.stepLoss(), b.stepLoss(), 0.0);
        assertEquals(a.finalValLoss(), b.finalValLoss(), 0.0);
        LmRace.Run other = LmRace.train(TINY, corpus, LmRace.Contender.MUON, 10, 4, LmRace.Budget.STEPS, m -> { });
        assertTrue(other.stepLoss()[0] != a.stepLoss()[0], "another seed gives another initialization and batches");
    }

    @Test
    void scheduleTrackerStartsAtStepZero() {
        ScheduleTracker t = new ScheduleTracker(0.5, org.ortho4j.optim.LrSchedule.wsd(2, 10, 0.5, 0));
        assertEquals(0.25f, t.getNewValue(1), 0f);   // DJL's first update = schedule step 0: (0+1)/2
        assertEquals(0.5f, t.getNewValue(3), 0f);    // step 2: stable
        assertEquals(0.0f, t.getNewValue(11), 0f);   // step 10 = total: decayed to 0
    }
}
