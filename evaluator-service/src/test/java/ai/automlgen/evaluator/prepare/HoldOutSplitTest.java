package ai.automlgen.evaluator.prepare;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HoldOutSplitTest {

    private static int count(boolean[] held) {
        int n = 0;
        for (boolean h : held) {
            n += h ? 1 : 0;
        }
        return n;
    }

    @Test
    void sameSeedGivesTheSameSplit() {
        assertArrayEquals(HoldOutSplit.heldOut(100, null, null, 0.2, 3), HoldOutSplit.heldOut(100, null, null, 0.2, 3));
    }

    @Test
    void plainSplitHoldsOutTheFraction() {
        assertEquals(20, count(HoldOutSplit.heldOut(100, null, null, 0.2, 3)));
    }

    @Test
    void stratifiedSplitKeepsEachClassShare() {
        List<String> strata = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            strata.add(i < 90 ? "common" : "rare");
        }
        boolean[] held = HoldOutSplit.heldOut(100, strata, null, 0.2, 9);
        int rare = 0;
        for (int i = 90; i < 100; i++) {
            rare += held[i] ? 1 : 0;
        }
        assertEquals(2, rare);
        assertEquals(20, count(held));
    }

    @Test
    void classesTooSmallToStratifyFallBackToAPlainSplit() {
        assertEquals(2, count(HoldOutSplit.heldOut(10, List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"), null, 0.2, 1)));
    }

    @Test
    void groupedSplitNeverSplitsAGroup() {
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            groups.add("g" + i / 4);
        }
        boolean[] held = HoldOutSplit.heldOut(100, null, groups, 0.2, 5);
        Map<String, Set<Boolean>> sides = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            sides.computeIfAbsent(groups.get(i), g -> new HashSet<>()).add(held[i]);
        }
        sides.values().forEach(s -> assertEquals(1, s.size()));
        assertEquals(20, count(held));
    }

    @Test
    void fractionOutsideZeroOneIsRefusedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HoldOutSplit.heldOut(10, null, null, 1.5, 1));
        assertEquals("validation fraction must be between 0 and 1 (exclusive), got 1.5", e.getMessage());
    }

    @Test
    void oneBigGroupDoesNotTakeTheValidationSet() {
        // 80 rows in one group, 20 groups of one row: a 20% split takes 20 single rows, whichever comes first
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            groups.add(i < 80 ? "big" : "g" + i);
        }
        for (long seed = 0; seed < 20; seed++) {
            assertEquals(20, count(HoldOutSplit.heldOut(100, null, groups, 0.2, seed)), "seed " + seed);
        }
    }

    @Test
    void groupsThatLeaveNothingToHoldOutAreRefusedWithTheirSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HoldOutSplit.heldOut(10, null, List.of("a", "a", "a", "a", "a", "a", "a", "a", "a", "a"), 0.2, 1));
        assertEquals("the groups (task.yaml group_column) leave no rows to hold out: 1 group(s), the smallest with 10 of 10 rows, "
                + "for a validation fraction of 0.2 (2 rows); raise validation_fraction or group by a column with smaller groups", e.getMessage());
    }
}
