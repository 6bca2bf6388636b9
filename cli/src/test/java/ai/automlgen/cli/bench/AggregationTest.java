package ai.automlgen.cli.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AggregationTest {

    @Test
    void spreadIsMeanSampleStdMinAndMax() {
        Spread spread = Spread.of(List.of(1.0, 2.0, 3.0));
        assertEquals(2.0, spread.mean(), 1e-12);
        assertEquals(1.0, spread.std(), 1e-12);
        assertEquals(1.0, spread.min());
        assertEquals(3.0, spread.max());
        assertEquals("2.000 ± 1.000 (1.000–3.000)", spread.format());
    }

    @Test
    void spreadOfOneValueHasNoDeviationAndOfNoneIsNull() {
        assertEquals(0.0, Spread.of(List.of(0.4)).std());
        assertNull(Spread.of(List.of()));
    }

    @Test
    void failedCellsCountAgainstRatesAndHaveNoScore() {
        List<CellResult> results = List.of(
                Fixtures.graded("a", "mcgs", 1, 0.9, "gold"),
                Fixtures.failed("a", "mcgs", 2));
        Aggregation.GroupRow mcgs = Aggregation.byGroup(results).get(0);
        assertEquals(2, mcgs.cells());
        assertEquals(0.5, mcgs.validRate());
        assertEquals(0.5, mcgs.medalRate());
        assertEquals(1, mcgs.scored());
        assertEquals(1.0, mcgs.normalisedPerSeed().mean(), 1e-12);
    }

    @Test
    void nodeAndWallTimeMeansLeaveOutCellsThatFailedWithoutARun() {
        Aggregation.TaskRow row = Aggregation.byTask(List.of(
                Fixtures.graded("a", "mcgs", 1, 0.9, "gold"), Fixtures.failed("a", "mcgs", 2))).get(0);
        assertEquals(2, row.cells());
        assertEquals(5.0, row.nodes().mean());
        assertEquals(1, row.nodes().n());
        assertEquals(60.0, row.wallSeconds().mean());
    }

    @Test
    void normalisedSpreadIsAcrossSeedsOfPerSeedTaskMeans() {
        // seed 1: tasks at 1.0 and 0.0 -> 0.5; seed 2: tasks at 0.5 and 0.5 -> 0.5
        List<CellResult> results = List.of(
                Fixtures.graded("a", "greedy", 1, 0.9, "gold"), Fixtures.graded("b", "greedy", 1, 0.8, null),
                Fixtures.graded("a", "greedy", 2, 0.85, null), Fixtures.graded("b", "greedy", 2, 0.85, null));
        Spread spread = Aggregation.byGroup(results).get(0).normalisedPerSeed();
        assertEquals(2, spread.n());
        assertEquals(0.5, spread.mean(), 1e-12);
        assertEquals(0.0, spread.std(), 1e-12);
    }

    @Test
    void policiesArePairedWithTheFirstOnTheSameTaskAndSeed() {
        // normalised: 0.9 -> 1.0, 0.85 -> 0.5 (median 0.8, gold 0.9)
        List<CellResult> results = List.of(
                Fixtures.graded("a", "mcgs", 1, 0.9, "gold"), Fixtures.graded("a", "greedy", 1, 0.85, null),
                Fixtures.graded("a", "mcgs", 2, 0.85, null), Fixtures.graded("a", "greedy", 2, 0.85, null),
                Fixtures.failed("b", "mcgs", 1), Fixtures.graded("b", "greedy", 1, 0.9, "gold"));
        List<Aggregation.PairedRow> paired = Aggregation.pairedWithFirst(results);
        assertEquals(1, paired.size());
        Aggregation.PairedRow greedy = paired.get(0);
        assertEquals("greedy", greedy.group());
        assertEquals("mcgs", greedy.baseline());
        assertEquals(2, greedy.pairs(), "task b has no graded mcgs cell to pair with");
        assertEquals(0, greedy.better());
        assertEquals(1, greedy.same());
        assertEquals(1, greedy.worse());
        assertEquals(-0.25, greedy.difference().mean(), 1e-12);
        assertEquals(List.of(), Aggregation.pairedWithFirst(results.subList(0, 1)), "one policy: nothing to pair");
    }

    @Test
    void theMedianOverTasksIsNotSwungByOneFarBelowMedianTask() {
        // normalised 1.0, 0.5 and -5.0 (a task whose gold-median span is small against its miss)
        List<CellResult> results = List.of(Fixtures.graded("a", "mcgs", 1, 0.9, "gold"),
                Fixtures.graded("b", "mcgs", 1, 0.85, null), Fixtures.graded("c", "mcgs", 1, 0.3, null));
        Aggregation.GroupRow mcgs = Aggregation.byGroup(results).get(0);
        assertEquals(-3.5 / 3, mcgs.normalisedPerSeed().mean(), 1e-12);
        assertEquals(0.5, mcgs.medianNormalisedPerSeed().mean(), 1e-12);
        assertEquals(0.75, Aggregation.median(List.of(1.0, 0.5)), 1e-12);
    }

    @Test
    void taskRowsSeparatePoliciesAndVariants() {
        CellResult ablation = Fixtures.graded("a", "mcgs", 1, 0.82, null);
        ablation = new CellResult(ablation.task(), ablation.policy(), "no-fusion", 1, ablation.params(), ablation.runId(),
                ablation.status(), null, ablation.metric(), ablation.lowerIsBetter(), ablation.bestValidation(), 1, 1, 0,
                null, null, 1.0, ablation.finalGrade(), ablation.thresholds(), null, null, List.of(), ablation.finishedAt());
        List<Aggregation.TaskRow> rows = Aggregation.byTask(List.of(Fixtures.graded("a", "mcgs", 1, 0.9, "gold"), ablation));
        assertEquals(List.of("mcgs", "mcgs/no-fusion"), rows.stream().map(Aggregation.TaskRow::group).toList());
        assertEquals(List.of("gold"), rows.get(0).medals());
        assertEquals(List.of("-"), rows.get(1).medals());
    }

    @Test
    void operatorCountsAreMeansOverTheSeedsThatRecordedThem() {
        CellResult base = Fixtures.graded("a", "mcgs", 2, 0.9, "gold");
        CellResult withFusion = new CellResult(base.task(), base.policy(), base.variant(), 2, base.params(), base.runId(),
                base.status(), null, base.metric(), base.lowerIsBetter(), base.bestValidation(), 6, 6, 0,
                Map.of("draft", 3, "improve", 2, "fusion", 1), "fusion", 60.0, base.finalGrade(), base.thresholds(),
                null, null, List.of(), base.finishedAt());
        CellResult unrecorded = new CellResult(base.task(), base.policy(), base.variant(), 3, base.params(), base.runId(),
                base.status(), null, base.metric(), base.lowerIsBetter(), base.bestValidation(), 4, 4, 0,
                null, null, 60.0, base.finalGrade(), base.thresholds(), null, null, List.of(), base.finishedAt());
        Aggregation.TaskRow row = Aggregation.byTask(List.of(Fixtures.graded("a", "mcgs", 1, 0.9, "gold"), withFusion,
                unrecorded)).get(0);
        assertEquals(Map.of("draft", 3.0, "improve", 2.0, "fusion", 0.5), row.meanNodesByOperator());
        assertEquals(List.of("improve", "fusion", "?"), row.bestNodeOperators());
        String summary = SummaryMarkdown.render(new Header("c", "m", "d"), List.of(withFusion));
        assertTrue(summary.contains("| draft 3.0, fusion 1.0, improve 2.0 | fusion |"), summary);
    }
}
