package ai.automlgen.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The cells of a bench in the order they run, and which of them are still to do. */
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
}
