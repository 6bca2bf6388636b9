package ai.automlgen.cli.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The cells of a bench in the order they run, which of them are still to do, and the order results report in. */
public final class BenchPlan {
    private BenchPlan() {
    }

    /**
     * Seed-major: every task, policy and variant runs with the first seed before any runs with the second, so an
     * interrupted bench still holds a complete side-by-side comparison for the seeds it finished.
     */
    public static List<Cell> cells(List<String> tasks, List<String> policies, List<Variant> variants, int seeds) {
        List<Cell> cells = new ArrayList<>();
        for (long seed = 1; seed <= seeds; seed++) {
            for (String task : tasks) {
                for (String policy : policies) {
                    for (Variant variant : variants) {
                        cells.add(new Cell(task, policy, variant.name(), seed));
                    }
                }
            }
        }
        return cells;
    }

    /** The cells whose key has no finished result yet, in plan order. */
    public static List<Cell> pending(List<Cell> cells, Set<String> finishedKeys) {
        return cells.stream().filter(c -> !finishedKeys.contains(c.key())).toList();
    }

    /**
     * Results (recorded in the order cells finished) by policy/variant as the command line names them, so the first
     * named is the paired comparison's baseline and leads every table, then by cell in plan order. Results of cells
     * outside this plan (from an earlier, larger bench into the same folder) follow in their recorded order.
     */
    public static List<CellResult> inPlanOrder(List<CellResult> results, List<Cell> cells) {
        Map<String, Integer> groupRank = new HashMap<>();
        Map<String, Integer> cellRank = new HashMap<>();
        for (Cell cell : cells) {
            groupRank.putIfAbsent(cell.group(), groupRank.size());
            cellRank.put(cell.key(), cellRank.size());
        }
        return results.stream().sorted(Comparator
                .comparingInt((CellResult r) -> groupRank.getOrDefault(r.cell().group(), Integer.MAX_VALUE))
                .thenComparingInt(r -> cellRank.getOrDefault(r.cell().key(), Integer.MAX_VALUE))).toList();
    }
}
