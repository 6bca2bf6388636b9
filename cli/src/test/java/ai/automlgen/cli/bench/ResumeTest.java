package ai.automlgen.cli.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class ResumeTest {

    @Test
    void cellsRunSeedMajorInAFixedOrder() {
        List<Cell> cells = BenchPlan.cells(List.of("a", "b"), List.of("mcgs", "greedy"), List.of(Variant.FULL), 2);
        assertEquals(8, cells.size());
        assertEquals("a|mcgs|full|1", cells.get(0).key());
        assertEquals("a|greedy|full|1", cells.get(1).key());
        assertEquals("b|mcgs|full|1", cells.get(2).key());
        assertEquals("a|mcgs|full|2", cells.get(4).key());
    }

    @Test
    void finishedCellsAreSkipped() {
        List<Cell> cells = BenchPlan.cells(List.of("a"), List.of("mcgs"), List.of(Variant.FULL, Variant.named("coarse")), 1);
        assertEquals(List.of(new Cell("a", "mcgs", "coarse", 1)), BenchPlan.pending(cells, Set.of("a|mcgs|full|1")));
    }

    @Test
    void resultsReportInPlanOrderSoTheFirstNamedPolicyIsTheBaseline() {
        List<Cell> plan = BenchPlan.cells(List.of("a"), List.of("mcgs", "greedy"), List.of(Variant.FULL), 2);
        CellResult earlierBench = Fixtures.graded("a", "mcgs", 3, 0.9, null);
        List<CellResult> finishOrder = List.of(earlierBench, Fixtures.graded("a", "greedy", 1, 0.85, null),
                Fixtures.graded("a", "mcgs", 2, 0.9, null), Fixtures.graded("a", "mcgs", 1, 0.9, "gold"));
        List<CellResult> ordered = BenchPlan.inPlanOrder(finishOrder, plan);
        assertEquals(List.of("a|mcgs|full|1", "a|mcgs|full|2", "a|mcgs|full|3", "a|greedy|full|1"),
                ordered.stream().map(r -> r.cell().key()).toList());
        assertEquals("mcgs", Aggregation.pairedWithFirst(ordered).get(0).baseline());
    }

    @Test
    void aReopenedLogKnowsWhatFinishedIncludingRefusedCells(@TempDir Path dir) {
        Path file = dir.resolve("results.jsonl");
        ResultsLog log = ResultsLog.open(file);
        log.record(Fixtures.graded("a", "mcgs", 1, 0.85, null));
        log.record(Fixtures.failed("a", "mcgs", 2));

        ResultsLog reopened = ResultsLog.open(file);
        assertEquals(Set.of("a|mcgs|full|1", "a|mcgs|full|2"), reopened.finishedKeys());
        assertEquals(0.85, reopened.results().get(0).finalGrade().score());
        assertEquals(0.5, reopened.results().get(0).normalised(), 1e-12);
        assertEquals("REFUSED", reopened.results().get(1).status());
    }

    @Test
    void anUnreadableLineIsDroppedSoItsCellReruns(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("results.jsonl");
        ResultsLog.open(file).record(Fixtures.graded("a", "mcgs", 1, 0.85, null));
        Files.writeString(file, Files.readString(file) + "{\"task\": \"a\", \"pol");
        assertEquals(Set.of("a|mcgs|full|1"), ResultsLog.open(file).finishedKeys());
    }

    @Test
    void linesWrittenBeforeOperatorsWereRecordedStillRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("results.jsonl");
        ResultsLog.open(file).record(Fixtures.graded("a", "mcgs", 1, 0.85, null));
        Files.writeString(file, Files.readString(file).replaceAll(",\"nodesByOperator\":\\{[^}]*\\},\"bestNodeOperator\":\"[a-z]*\"", ""));
        assertFalse(Files.readString(file).contains("Operator"));
        CellResult old = ResultsLog.open(file).results().get(0);
        assertEquals(0.85, old.finalGrade().score());
        assertNull(old.nodesByOperator());
    }

    @Test
    void recordingTheSameCellAgainReplacesIt(@TempDir Path dir) {
        ResultsLog log = ResultsLog.open(dir.resolve("results.jsonl"));
        log.record(Fixtures.failed("a", "mcgs", 1));
        log.record(Fixtures.graded("a", "mcgs", 1, 0.9, "gold"));
        assertEquals(1, log.results().size());
        assertEquals("COMPLETED", log.results().get(0).status());
    }
}
