package ai.automlgen.cli.bench;

import ai.automlgen.cli.CliException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellPoolTest {
    private static final List<Cell> CELLS = IntStream.rangeClosed(1, 6)
            .mapToObj(seed -> new Cell("a", "mcgs", "full", seed)).toList();

    @Test
    void runsEveryCellOnceAndNeverMoreAtATimeThanAsked() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<CellResult> recorded = new ArrayList<>();
        CellPool.run(CELLS, 3, cell -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(50);
            running.decrementAndGet();
            return Fixtures.graded(cell.task(), cell.policy(), cell.seed(), 0.9, null);
        }, recorded::add);
        assertEquals(6, recorded.size());
        assertEquals(CELLS, recorded.stream().map(CellResult::cell).sorted(java.util.Comparator.comparingLong(Cell::seed)).toList());
        assertEquals(3, most.get(), "three at a time, and they did overlap");
    }

    @Test
    void oneAtATimeKeepsThePlanOrder() throws Exception {
        List<CellResult> recorded = new ArrayList<>();
        CellPool.run(CELLS, 1, cell -> Fixtures.graded(cell.task(), cell.policy(), cell.seed(), 0.9, null), recorded::add);
        assertEquals(CELLS, recorded.stream().map(CellResult::cell).toList());
    }

    @Test
    void anUnreachableServiceStartsNoFurtherCellButKeepsWhatFinished() {
        CliException down = new CliException("the planner is not answering");
        List<CellResult> recorded = new ArrayList<>();
        CliException thrown = assertThrows(CliException.class, () -> CellPool.run(CELLS, 2, cell -> {
            if (cell.seed() == 2) {
                throw down;
            }
            Thread.sleep(cell.seed() == 1 ? 100 : 0);
            return Fixtures.graded(cell.task(), cell.policy(), cell.seed(), 0.9, null);
        }, recorded::add));
        assertSame(down, thrown);
        assertTrue(recorded.stream().anyMatch(r -> r.seed() == 1), "the cell running beside it finished and was recorded");
        assertTrue(recorded.size() < CELLS.size() - 1, "the cells after it were left for the next run: " + recorded.size());
    }
}
