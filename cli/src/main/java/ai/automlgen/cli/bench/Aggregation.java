package ai.automlgen.cli.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Rolls finished cells up into the summary's two tables: per task and policy/variant (over seeds), and per
 * policy/variant (over tasks and seeds). An invalid or failed cell counts against every rate and has no score; a
 * cell that failed without its run's numbers is left out of the node and wall-time means.
 */
public final class Aggregation {
    private Aggregation() {
    }

    /**
     * One task under one policy/variant, over its seeds. {@code meanNodesByOperator}: the mean number of nodes each
     * operator made, over the seeds that recorded it (empty when none did); {@code bestNodeOperators}: per seed, the
     * operator of the node the run chose as best ("?" where not recorded).
     */
    public record TaskRow(String task, String group, int cells, int valid, int aboveMedian, List<String> medals,
                          Spread testScore, Spread normalised, int firstDraftValid, Spread firstDraftTestScore,
                          Spread firstDraftValidation, Spread bestValidation, Spread nodes,
                          Map<String, Double> meanNodesByOperator, List<String> bestNodeOperators, Spread wallSeconds) {
    }

    /**
     * One policy/variant over all tasks and seeds. {@code normalisedPerSeed}: for each seed the mean normalised
     * score over the tasks that have one, then the spread of those means across seeds;
     * {@code medianNormalisedPerSeed} the same with the median over tasks, which one task with a tiny
     * gold−median span (a huge negative normalised score) cannot swing.
     */
    public record GroupRow(String group, int cells, double validRate, double aboveMedianRate, double medalRate,
                           double firstDraftValidRate, int scored, Spread normalisedPerSeed,
                           Spread medianNormalisedPerSeed) {
    }

    /**
     * A policy/variant against the first one in the results (the first named, in plan order), cell by cell on the
     * same task and seed (the same split and seeded choices): how often its final submission's normalised score is
     * better, the same or worse, and the spread of the difference. With few seeds, pairs say more than two means. Pairs need both cells graded.
     */
    public record PairedRow(String group, String baseline, int pairs, int better, int same, int worse,
                            Spread difference) {
    }

    /** Differences below this (normalised) are the same submission's score, not a tie broken by noise. */
    private static final double SAME = 1e-9;

    public static List<PairedRow> pairedWithFirst(List<CellResult> results) {
        List<String> groups = results.stream().map(r -> r.cell().group()).distinct().toList();
        if (groups.size() < 2) {
            return List.of();
        }
        String baseline = groups.get(0);
        Map<String, Double> base = new HashMap<>();
        results.stream().filter(r -> r.cell().group().equals(baseline) && r.normalised() != null)
                .forEach(r -> base.put(pairKey(r), r.normalised()));
        List<PairedRow> rows = new ArrayList<>();
        for (String group : groups.subList(1, groups.size())) {
            List<Double> differences = results.stream()
                    .filter(r -> r.cell().group().equals(group) && r.normalised() != null && base.containsKey(pairKey(r)))
                    .map(r -> r.normalised() - base.get(pairKey(r))).toList();
            rows.add(new PairedRow(group, baseline, differences.size(),
                    (int) differences.stream().filter(d -> d > SAME).count(),
                    (int) differences.stream().filter(d -> Math.abs(d) <= SAME).count(),
                    (int) differences.stream().filter(d -> d < -SAME).count(), Spread.of(differences)));
        }
        return rows;
    }

    private static String pairKey(CellResult r) {
        return r.task() + "|" + r.seed();
    }

    public static List<TaskRow> byTask(List<CellResult> results) {
        Map<String, Map<String, List<CellResult>>> byTask = new TreeMap<>();
        for (CellResult r : results) {
            byTask.computeIfAbsent(r.task(), t -> new LinkedHashMap<>())
                    .computeIfAbsent(r.cell().group(), g -> new ArrayList<>()).add(r);
        }
        List<TaskRow> rows = new ArrayList<>();
        byTask.forEach((task, groups) -> groups.forEach((group, cells) -> rows.add(taskRow(task, group, cells))));
        return rows;
    }

    public static List<GroupRow> byGroup(List<CellResult> results) {
        Map<String, List<CellResult>> groups = results.stream()
                .collect(Collectors.groupingBy(r -> r.cell().group(), LinkedHashMap::new, Collectors.toList()));
        List<GroupRow> rows = new ArrayList<>();
        groups.forEach((group, cells) -> {
            Map<Long, List<Double>> perSeed = new TreeMap<>();
            cells.stream().filter(c -> c.normalised() != null)
                    .forEach(c -> perSeed.computeIfAbsent(c.seed(), s -> new ArrayList<>()).add(c.normalised()));
            List<Double> seedMeans = perSeed.values().stream()
                    .map(v -> v.stream().mapToDouble(Double::doubleValue).average().orElseThrow()).toList();
            List<Double> seedMedians = perSeed.values().stream().map(Aggregation::median).toList();
            int n = cells.size();
            rows.add(new GroupRow(group, n, rate(cells, CellResult::valid), rate(cells, CellResult::aboveMedian),
                    rate(cells, CellResult::medal), rate(cells, CellResult::firstDraftValid),
                    (int) cells.stream().filter(c -> c.normalised() != null).count(), Spread.of(seedMeans),
                    Spread.of(seedMedians)));
        });
        return rows;
    }

    private static TaskRow taskRow(String task, String group, List<CellResult> cells) {
        List<CellResult> bySeed = cells.stream().sorted(java.util.Comparator.comparingLong(CellResult::seed)).toList();
        return new TaskRow(task, group, bySeed.size(), count(bySeed, CellResult::valid),
                count(bySeed, CellResult::aboveMedian),
                bySeed.stream().map(c -> c.medal() ? c.finalGrade().medal() : "-").toList(),
                spread(bySeed, c -> c.valid() ? c.finalGrade().score() : null),
                spread(bySeed, CellResult::normalised),
                count(bySeed, CellResult::firstDraftValid),
                spread(bySeed, c -> c.firstDraftValid() ? c.firstDraftGrade().score() : null),
                spread(bySeed, CellResult::firstDraftValidation),
                spread(bySeed, CellResult::bestValidation),
                spread(bySeed, c -> c.recordedRun() ? (double) c.nodes() : null),
                meanNodesByOperator(bySeed),
                bySeed.stream().map(c -> c.bestNodeOperator() == null ? "?" : c.bestNodeOperator()).toList(),
                spread(bySeed, c -> c.recordedRun() ? c.wallSeconds() : null));
    }

    /** A seed that recorded operators but never ran one counts as zero of it. */
    private static Map<String, Double> meanNodesByOperator(List<CellResult> cells) {
        List<Map<String, Integer>> recorded = cells.stream().map(CellResult::nodesByOperator).filter(Objects::nonNull).toList();
        Map<String, Double> means = new TreeMap<>();
        recorded.forEach(counts -> counts.forEach((operator, n) -> means.merge(operator, (double) n, Double::sum)));
        means.replaceAll((operator, total) -> total / recorded.size());
        return means;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    private static Spread spread(List<CellResult> cells, Function<CellResult, Double> value) {
        return Spread.of(cells.stream().map(value).filter(Objects::nonNull).filter(v -> !v.isNaN()).toList());
    }

    private static int count(List<CellResult> cells, java.util.function.Predicate<CellResult> test) {
        return (int) cells.stream().filter(test).count();
    }

    private static double rate(List<CellResult> cells, java.util.function.Predicate<CellResult> test) {
        return cells.isEmpty() ? 0.0 : (double) count(cells, test) / cells.size();
    }
}
