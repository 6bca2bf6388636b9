package ai.automlgen.planner.search;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchConstantsTest {

    @Test
    void defaultsAreThePublishedValues() {
        SearchConstants d = SearchConstants.DEFAULTS;
        assertEquals(new Ramp(1.414, 0.5, 0.3, 0.7), d.exploration());
        assertEquals(new Ramp(1.0, 0.2, 0.5, 0.7), d.treeWeight());
        assertEquals(5, d.maxDrafts());
        assertEquals(1, d.maxDebugChildren());
        assertEquals(3, d.maxImproveChildren());
        assertEquals(5, d.topK());
        assertEquals(3, d.topKPerBranch());
        assertEquals(1e-4, d.improvementThreshold());
        assertEquals(3, d.maxImproveMisses());
        assertEquals(3, d.backpropDebugDepth());
        assertEquals(20, d.maxDebugDepth());
        assertEquals(-1.0, d.rewardBuggy());
        assertEquals(1.0, d.rewardSuccess());
        assertEquals(1.5, d.rewardDebugSuccess());
        assertEquals(1.5, d.rewardNewBest());
    }

    @Test
    void noOverridesGiveTheDefaults() {
        assertEquals(SearchConstants.DEFAULTS, SearchConstants.from(Map.of()));
    }

    @Test
    void runParamsOverrideConstantsAndOtherNamespacesAreLeftAlone() {
        SearchConstants c = SearchConstants.from(Map.of("search.uct.c-start", "2.0", "search.drafts", "8",
                "search.exploit.to", "0.9", "coder.temperature", "0.3"));
        assertEquals(new Ramp(2.0, 0.5, 0.3, 0.7), c.exploration());
        assertEquals(new Ramp(1.0, 0.2, 0.5, 0.9), c.treeWeight());
        assertEquals(8, c.maxDrafts());
        assertEquals(3, c.maxImproveChildren());
    }

    @Test
    void unknownSearchKeyIsRejectedWithTheKnownKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SearchConstants.from(Map.of("search.draft", "3")));
        assertTrue(e.getMessage().contains("unknown search parameter 'search.draft'"), e.getMessage());
        assertTrue(e.getMessage().contains("search.drafts"), e.getMessage());
    }

    @Test
    void fractionalValueForACountNamesTheKeyAndTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SearchConstants.from(Map.of("search.drafts", "2.5")));
        assertEquals("search parameter 'search.drafts' (drafts at the root) must be a whole number, got '2.5'",
                e.getMessage());
    }

    @Test
    void switchesDefaultToOnAndTurnOff() {
        SearchConstants c = SearchConstants.from(Map.of("search.fusion", "false", "search.aggregation", "FALSE"));
        assertTrue(SearchConstants.DEFAULTS.fusion() && SearchConstants.DEFAULTS.aggregation());
        assertEquals(List.of(false, false), List.of(c.fusion(), c.aggregation()));
    }

    @Test
    void switchThatIsNotABooleanSaysWhatItTakes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SearchConstants.from(Map.of("search.fusion", "no")));
        assertEquals("search parameter 'search.fusion' (mcgs: whether to make fusion nodes) must be true or false, "
                + "got 'no'", e.getMessage());
    }

    @Test
    void decayWindowOutOfOrderIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SearchConstants.from(Map.of("search.uct.decay-from", "0.8")));
        assertEquals("a schedule needs 0 <= from <= to <= 1, got from=0.8 to=0.7", e.getMessage());
    }

    @Test
    void zeroDraftsIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SearchConstants.from(Map.of("search.drafts", "0")));
        assertEquals("search.drafts must be at least 1, got 0", e.getMessage());
    }

    @Test
    void everyKeyIsReadBack() {
        for (String key : SearchConstants.KEYS.keySet()) {
            String value = switch (SearchConstants.KEYS.get(key).kind()) {
                case WHOLE -> "7";
                case REAL -> "0.6";
                case SWITCH -> "false";
            };
            SearchConstants c = SearchConstants.from(Map.of(key, value));
            assertTrue(!c.equals(SearchConstants.DEFAULTS), key + " did not change the constants");
        }
    }
}
