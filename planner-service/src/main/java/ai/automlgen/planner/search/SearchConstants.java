package ai.automlgen.planner.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Every constant of the search (DESIGN §5). Schedules run over fractions of the run's budget, so a 20-minute run
 * behaves like a scaled 12-hour one. Defaults marked "published" are those of the ML-Master / AutoMLGen code
 * (DESIGN §5); the stagnation windows, evolution trigger and fusion/aggregation widths are not published there
 * and are our choices, expressed as counts of scored nodes.
 *
 * @param exploration            UCT constant C over the node-budget fraction (published: 1.414 → 0.5 between 30% and 70%)
 * @param treeWeight             probability of tree descent over the time-budget fraction; the rest is global
 *                               top-K exploitation (published: 1.0 → 0.2 between 50% and 70%)
 * @param maxDrafts              drafts at the root (published: 5)
 * @param maxDebugChildren       debug children per buggy node (published: 1)
 * @param maxImproveChildren     improve, evolution and fusion children per good node, together (published: 3)
 * @param topK                   nodes in the global exploitation pool (published: 5)
 * @param topKPerBranch          at most this many of them from one branch (published: 3)
 * @param improvementThreshold   a step improves only if it beats its parent by more than this (published: 1e-4)
 * @param maxImproveMisses       an improvement chain ends after this many consecutive misses (published: 3)
 * @param backpropDebugDepth     a buggy node backpropagates its penalty from this debug depth on (published: 3)
 * @param maxDebugDepth          no debug beyond this depth: the chain is abandoned (published: 20)
 * @param rewardBuggy            reward of a buggy node (published: -1)
 * @param rewardSuccess          reward of a node that ran and scored (published: +1)
 * @param rewardDebugSuccess     reward of a debug that fixed its parent, instead of rewardSuccess (published: +1.5)
 * @param rewardNewBest          added when the node is a new global best (published: +1.5)
 * @param branchStagnation       a branch stagnates after this many scored nodes without beating its best; fusion
 *                               follows, at most once per this many scored nodes of the branch (ours: 3, the
 *                               improvement chain's allowed misses: at 20 minutes a run spreads 20-30 nodes over five
 *                               branches, and with 6 no branch ever stagnated, so fusion never fired)
 * @param globalStagnation       the search stagnates after this many scored nodes without a new global best;
 *                               aggregation follows, at most once per this many scored nodes (ours: 12)
 * @param fusionReferences       how many top nodes of other branches a fusion may borrow from (ours: 2)
 * @param aggregationBranches    how many branch bests an aggregation combines, best first (ours: 5)
 * @param evolutionAfterMisses   in mcgs, an improvement of a node whose chain missed this often reads the whole
 *                               trajectory (evolution) instead of only the parent (ours: 2)
 * @param greedyDebugProbability greedy (AIDE) debugs a buggy leaf with this probability (AIDE: 0.5)
 * @param greedyMaxDebugDepth    greedy (AIDE) debugs no deeper than this (AIDE: 3)
 * @param fusion                 whether mcgs makes fusion nodes at all (default true; false for ablations)
 * @param aggregation            whether mcgs makes aggregation nodes at all (default true; false for ablations)
 */
public record SearchConstants(Ramp exploration, Ramp treeWeight, int maxDrafts, int maxDebugChildren,
                              int maxImproveChildren, int topK, int topKPerBranch, double improvementThreshold,
                              int maxImproveMisses, int backpropDebugDepth, int maxDebugDepth, double rewardBuggy,
                              double rewardSuccess, double rewardDebugSuccess, double rewardNewBest,
                              int branchStagnation, int globalStagnation, int fusionReferences,
                              int aggregationBranches, int evolutionAfterMisses, double greedyDebugProbability,
                              int greedyMaxDebugDepth, boolean fusion, boolean aggregation) {

    public static final SearchConstants DEFAULTS = new SearchConstants(
            new Ramp(1.414, 0.5, 0.3, 0.7), new Ramp(1.0, 0.2, 0.5, 0.7), 5, 1, 3, 5, 3, 1e-4, 3, 3, 20,
            -1.0, 1.0, 1.5, 1.5, 3, 12, 2, 5, 2, 0.5, 3, true, true);

    public SearchConstants {
        requireAtLeast("search.drafts", maxDrafts, 1);
        requireAtLeast("search.debug-children", maxDebugChildren, 1);
        requireAtLeast("search.improve-children", maxImproveChildren, 1);
        requireAtLeast("search.top-k", topK, 1);
        requireAtLeast("search.top-k-per-branch", topKPerBranch, 1);
        requireAtLeast("search.improve-misses", maxImproveMisses, 1);
        requireAtLeast("search.backprop-debug-depth", backpropDebugDepth, 0);
        requireAtLeast("search.max-debug-depth", maxDebugDepth, 0);
        requireAtLeast("search.branch-stagnation", branchStagnation, 1);
        requireAtLeast("search.global-stagnation", globalStagnation, 1);
        requireAtLeast("search.fusion-references", fusionReferences, 1);
        requireAtLeast("search.aggregation-branches", aggregationBranches, 2);
        requireAtLeast("search.evolution-after-misses", evolutionAfterMisses, 0);
        requireAtLeast("search.greedy.max-debug-depth", greedyMaxDebugDepth, 0);
        if (improvementThreshold < 0) {
            throw new IllegalArgumentException("search.improvement-threshold must be >= 0, got " + improvementThreshold);
        }
        if (!(0.0 <= greedyDebugProbability && greedyDebugProbability <= 1.0)) {
            throw new IllegalArgumentException(
                    "search.greedy.debug-probability must be in [0, 1], got " + greedyDebugProbability);
        }
    }

    /**
     * The defaults with a run's overrides applied ({@code RunConfig.params}). Keys outside the {@code search.}
     * namespace belong to other parts of the planner and are ignored here; an unknown {@code search.} key or a
     * malformed value is an error that names the key and the keys that exist. See {@link #KEYS}.
     */
    public static SearchConstants from(Map<String, String> params) {
        Map<String, Object> values = DEFAULTS.asMap();
        for (Map.Entry<String, String> param : new TreeMap<>(params).entrySet()) {
            String key = param.getKey();
            if (!key.startsWith("search.")) {
                continue;
            }
            Key spec = KEYS.get(key);
            if (spec == null) {
                throw new IllegalArgumentException("unknown search parameter '" + key + "'; known: "
                        + String.join(", ", KEYS.keySet()));
            }
            values.put(key, spec.parse(key, param.getValue()));
        }
        return fromMap(values);
    }

    /** The run parameter keys, each with what it sets. */
    public static final Map<String, Key> KEYS = keys();

    /** What a run parameter takes. */
    public enum Kind {
        REAL("a number"), WHOLE("a whole number"), SWITCH("true or false");

        private final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    /** One run parameter: what it sets and what kind of value it takes. */
    public record Key(String description, Kind kind) {
        Object parse(String key, String text) {
            String value = text.trim();
            try {
                return switch (kind) {
                    case REAL -> Double.parseDouble(value);
                    case WHOLE -> Integer.parseInt(value);
                    case SWITCH -> parseSwitch(value);
                };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("search parameter '" + key + "' (" + description + ") must be "
                        + kind.description + ", got '" + text + "'");
            }
        }

        private static boolean parseSwitch(String value) {
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(value);
            }
            throw new NumberFormatException(value);
        }
    }

    private static Map<String, Key> keys() {
        Kind real = Kind.REAL;
        Kind whole = Kind.WHOLE;
        Map<String, Key> keys = new LinkedHashMap<>();
        keys.put("search.uct.c-start", new Key("UCT exploration constant before the decay", real));
        keys.put("search.uct.c-end", new Key("UCT exploration constant after the decay", real));
        keys.put("search.uct.decay-from", new Key("node-budget fraction where C starts decaying", real));
        keys.put("search.uct.decay-to", new Key("node-budget fraction where C reaches c-end", real));
        keys.put("search.exploit.weight-start", new Key("tree-descent probability before the top-K switch", real));
        keys.put("search.exploit.weight-end", new Key("tree-descent probability after the top-K switch", real));
        keys.put("search.exploit.from", new Key("time-budget fraction where the top-K switch starts", real));
        keys.put("search.exploit.to", new Key("time-budget fraction where the top-K switch ends", real));
        keys.put("search.drafts", new Key("drafts at the root", whole));
        keys.put("search.debug-children", new Key("debug children per buggy node", whole));
        keys.put("search.improve-children", new Key("improve/evolution/fusion children per good node", whole));
        keys.put("search.top-k", new Key("size of the global exploitation pool", whole));
        keys.put("search.top-k-per-branch", new Key("most pool members from one branch", whole));
        keys.put("search.improvement-threshold", new Key("least gain that counts as an improvement", real));
        keys.put("search.improve-misses", new Key("consecutive misses that end an improvement chain", whole));
        keys.put("search.backprop-debug-depth", new Key("debug depth from which buggy nodes backpropagate", whole));
        keys.put("search.max-debug-depth", new Key("debug depth beyond which a chain is abandoned", whole));
        keys.put("search.reward.buggy", new Key("reward of a buggy node", real));
        keys.put("search.reward.success", new Key("reward of a node that scored", real));
        keys.put("search.reward.debug-success", new Key("reward of a debug that fixed its parent", real));
        keys.put("search.reward.new-best", new Key("bonus for a new global best", real));
        keys.put("search.branch-stagnation", new Key("scored nodes without branch progress before fusion", whole));
        keys.put("search.global-stagnation", new Key("scored nodes without a new best before aggregation", whole));
        keys.put("search.fusion-references", new Key("other branches' top nodes a fusion may borrow from", whole));
        keys.put("search.aggregation-branches", new Key("branch bests an aggregation combines", whole));
        keys.put("search.evolution-after-misses", new Key("chain misses after which mcgs evolves instead of improving", whole));
        keys.put("search.greedy.debug-probability", new Key("greedy: probability of debugging a buggy leaf", real));
        keys.put("search.greedy.max-debug-depth", new Key("greedy: deepest debug", whole));
        keys.put("search.fusion", new Key("mcgs: whether to make fusion nodes", Kind.SWITCH));
        keys.put("search.aggregation", new Key("mcgs: whether to make aggregation nodes", Kind.SWITCH));
        return Collections.unmodifiableMap(keys);
    }

    private Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("search.uct.c-start", exploration.startValue());
        m.put("search.uct.c-end", exploration.endValue());
        m.put("search.uct.decay-from", exploration.from());
        m.put("search.uct.decay-to", exploration.to());
        m.put("search.exploit.weight-start", treeWeight.startValue());
        m.put("search.exploit.weight-end", treeWeight.endValue());
        m.put("search.exploit.from", treeWeight.from());
        m.put("search.exploit.to", treeWeight.to());
        m.put("search.drafts", maxDrafts);
        m.put("search.debug-children", maxDebugChildren);
        m.put("search.improve-children", maxImproveChildren);
        m.put("search.top-k", topK);
        m.put("search.top-k-per-branch", topKPerBranch);
        m.put("search.improvement-threshold", improvementThreshold);
        m.put("search.improve-misses", maxImproveMisses);
        m.put("search.backprop-debug-depth", backpropDebugDepth);
        m.put("search.max-debug-depth", maxDebugDepth);
        m.put("search.reward.buggy", rewardBuggy);
        m.put("search.reward.success", rewardSuccess);
        m.put("search.reward.debug-success", rewardDebugSuccess);
        m.put("search.reward.new-best", rewardNewBest);
        m.put("search.branch-stagnation", branchStagnation);
        m.put("search.global-stagnation", globalStagnation);
        m.put("search.fusion-references", fusionReferences);
        m.put("search.aggregation-branches", aggregationBranches);
        m.put("search.evolution-after-misses", evolutionAfterMisses);
        m.put("search.greedy.debug-probability", greedyDebugProbability);
        m.put("search.greedy.max-debug-depth", greedyMaxDebugDepth);
        m.put("search.fusion", fusion);
        m.put("search.aggregation", aggregation);
        return m;
    }

    private static SearchConstants fromMap(Map<String, Object> m) {
        Function<String, Double> real = k -> ((Number) m.get(k)).doubleValue();
        Function<String, Integer> whole = k -> ((Number) m.get(k)).intValue();
        return new SearchConstants(
                new Ramp(real.apply("search.uct.c-start"), real.apply("search.uct.c-end"),
                        real.apply("search.uct.decay-from"), real.apply("search.uct.decay-to")),
                new Ramp(real.apply("search.exploit.weight-start"), real.apply("search.exploit.weight-end"),
                        real.apply("search.exploit.from"), real.apply("search.exploit.to")),
                whole.apply("search.drafts"), whole.apply("search.debug-children"),
                whole.apply("search.improve-children"), whole.apply("search.top-k"),
                whole.apply("search.top-k-per-branch"), real.apply("search.improvement-threshold"),
                whole.apply("search.improve-misses"), whole.apply("search.backprop-debug-depth"),
                whole.apply("search.max-debug-depth"), real.apply("search.reward.buggy"),
                real.apply("search.reward.success"), real.apply("search.reward.debug-success"),
                real.apply("search.reward.new-best"), whole.apply("search.branch-stagnation"),
                whole.apply("search.global-stagnation"), whole.apply("search.fusion-references"),
                whole.apply("search.aggregation-branches"), whole.apply("search.evolution-after-misses"),
                real.apply("search.greedy.debug-probability"), whole.apply("search.greedy.max-debug-depth"),
                (Boolean) m.get("search.fusion"), (Boolean) m.get("search.aggregation"));
    }

    private static void requireAtLeast(String key, int value, int least) {
        if (value < least) {
            throw new IllegalArgumentException(key + " must be at least " + least + ", got " + value);
        }
    }
}
