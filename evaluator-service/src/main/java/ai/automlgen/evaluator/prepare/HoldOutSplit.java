package ai.automlgen.evaluator.prepare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Chooses which training rows are held out for validation: a seeded shuffle, stratified by class
 * when strata are given (each class keeps its share), grouped when groups are given (a group is
 * never split between train and valid). The same inputs and seed always give the same split.
 */
public final class HoldOutSplit {
    private HoldOutSplit() {
    }

    /**
     * @param rows     number of training rows
     * @param strata   class of each row, or null for no stratification
     * @param groups   group of each row, or null; groups win over strata
     * @param fraction share of rows to hold out, in (0, 1)
     * @return for each row, whether it is held out
     */
    public static boolean[] heldOut(int rows, List<String> strata, List<String> groups, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be between 0 and 1 (exclusive), got " + fraction);
        }
        if (rows < 2) {
            throw new IllegalArgumentException("need at least 2 training rows to hold some out, got " + rows);
        }
        Random random = new Random(seed);
        boolean[] held = new boolean[rows];
        int target = Math.max(1, Math.min(rows - 1, (int) Math.round(fraction * rows)));
        if (groups != null) {
            Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
            for (int i = 0; i < rows; i++) {
                byGroup.computeIfAbsent(groups.get(i), g -> new ArrayList<>()).add(i);
            }
            List<List<Integer>> shuffled = new ArrayList<>(byGroup.values());
            Collections.shuffle(shuffled, random);
            int taken = 0;
            for (List<Integer> group : shuffled) {
                if (taken >= target) {
                    break;
                }
                // a group that would overshoot the target by more than half its size stays in train,
                // so one big group cannot take (nearly) every row into validation
                boolean overshoots = 2 * (taken + group.size() - target) > group.size();
                if (overshoots || taken + group.size() >= rows) {
                    continue;
                }
                group.forEach(i -> held[i] = true);
                taken += group.size();
            }
            if (taken == 0) {
                int smallest = byGroup.values().stream().mapToInt(List::size).min().orElse(rows);
                throw new IllegalArgumentException("the groups (task.yaml group_column) leave no rows to hold out: " + byGroup.size()
                        + " group(s), the smallest with " + smallest + " of " + rows + " rows, for a validation fraction of " + fraction
                        + " (" + target + " rows); raise validation_fraction or group by a column with smaller groups");
            }
            return held;
        }
        if (strata != null) {
            Map<String, List<Integer>> byClass = new TreeMap<>();
            for (int i = 0; i < rows; i++) {
                byClass.computeIfAbsent(strata.get(i), c -> new ArrayList<>()).add(i);
            }
            int taken = 0;
            for (List<Integer> members : byClass.values()) {
                Collections.shuffle(members, random);
                int take = Math.min(members.size() - 1, (int) Math.round(fraction * members.size()));
                for (int k = 0; k < take; k++) {
                    held[members.get(k)] = true;
                }
                taken += take;
            }
            if (taken > 0) {
                return held;
            }
            // Every class too small to give a row: stratifying is impossible, fall back to a plain shuffle.
        }
        List<Integer> all = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            all.add(i);
        }
        Collections.shuffle(all, random);
        for (int k = 0; k < target; k++) {
            held[all.get(k)] = true;
        }
        return held;
    }
}
