package ai.automlgen.planner.search;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * A task with known node quality. Every node holds hidden features (a bit set); its score is 0.05 per feature, plus
 * a planted bonus of 1.0 when it holds both KEY_A and KEY_B. Features come in four families of three; a draft starts
 * in one family (drafts take the families in turn) and improvements toggle features of the families a node already
 * has, so no chain of drafts, improvements and debugs ever leaves its family: KEY_A (family 0) and KEY_B (family 1)
 * meet only through a cross-branch operator. Fusion adds one feature of a referenced node; aggregation takes the
 * union of its sources. Each child is a deterministic-random function of its parent's features, the seed and its id;
 * a tie-breaking 1e-6 of noise keeps scores distinct; some children are buggy, and a debug restores its parent's intended features most of the time.
 */
final class SyntheticTask {
    static final int FAMILY_SIZE = 3;
    static final int FAMILIES = 4;
    static final int KEY_A = 2;
    static final int KEY_B = 5;
    /** No node without both keys reaches it: twelve features score 0.6. */
    static final double OPTIMUM = 1.0;

    private final long seed;
    private final Map<String, Integer> features = new HashMap<>();
    private int drafts;

    SyntheticTask(long seed) {
        this.seed = seed;
    }

    /** Executes and scores a claimed expansion: its score, or null when it is buggy. */
    synchronized Double evaluate(GraphView graph, SearchEngine.Expansion expansion) {
        SearchNode node = expansion.node();
        // SplittableRandom mixes the bits: java.util.Random's first draws from nearby seeds are correlated
        Random random = new Random(new SplittableRandom(seed * 1_000_003L + node.id().hashCode()).nextLong());
        Integer parent = features.get(node.parentId());
        int mask = switch (node.operator()) {
            case DRAFT -> 1 << (FAMILY_SIZE * (drafts++ % FAMILIES));
            case IMPROVE, EVOLUTION, REFIT -> toggleWithinFamilies(parent, random);
            case DEBUG -> parent;
            case FUSION -> borrow(parent, expansion.decision(), random);
            case AGGREGATION -> expansion.decision().referenceIds().stream()
                    .mapToInt(features::get).reduce(0, (a, b) -> a | b);
        };
        features.put(node.id(), mask);
        double bugRate = switch (node.operator()) {
            case DEBUG -> 0.4;
            case AGGREGATION -> 0.3;
            default -> 0.2;
        };
        return random.nextDouble() < bugRate ? null : score(mask) + 1e-6 * random.nextDouble();
    }

    static double score(int mask) {
        boolean planted = (mask & (1 << KEY_A)) != 0 && (mask & (1 << KEY_B)) != 0;
        return 0.05 * Integer.bitCount(mask) + (planted ? 1.0 : 0.0);
    }

    private static int toggleWithinFamilies(int mask, Random random) {
        int reachable = 0;
        for (int family = 0; family < FAMILIES; family++) {
            int familyBits = ((1 << FAMILY_SIZE) - 1) << (FAMILY_SIZE * family);
            if ((mask & familyBits) != 0) {
                reachable |= familyBits;
            }
        }
        int toggled = mask ^ nthBit(reachable, random.nextInt(Integer.bitCount(reachable)));
        return toggled == 0 ? mask : toggled; // a pipeline keeps at least one feature
    }

    private int borrow(int mask, Decision decision, Random random) {
        int offered = 0;
        for (String reference : decision.referenceIds()) {
            offered |= features.get(reference);
        }
        offered &= ~mask;
        return offered == 0 ? toggleWithinFamilies(mask, random)
                : mask | nthBit(offered, random.nextInt(Integer.bitCount(offered)));
    }

    private static int nthBit(int bits, int n) {
        int remaining = bits;
        for (int i = 0; i < n; i++) {
            remaining &= remaining - 1;
        }
        return Integer.lowestOneBit(remaining);
    }
}
