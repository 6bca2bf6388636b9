package ai.automlgen.planner.search.policy;

import ai.automlgen.planner.search.Decision;
import ai.automlgen.planner.search.GraphView;
import ai.automlgen.planner.search.SearchClock;
import ai.automlgen.planner.search.SearchConstants;

import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Decides the next expansion from the graph as it is now. Empty means nothing can be expanded until an in-flight
 * node is scored. The caller claims the decision on the graph, which may refuse it when another replica was faster.
 */
public interface SearchPolicy {

    List<String> NAMES = List.of("mcgs", "mcts", "greedy", "random");

    String name();

    Optional<Decision> next(GraphView graph, SearchClock clock);

    /** The policy a run asked for ({@code ./automlgen solve --policy}), seeded with the run's seed. */
    static SearchPolicy named(String name, SearchConstants constants, long seed) {
        Random random = new Random(seed);
        return switch (name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "mcgs" -> new Mcgs(constants, random);
            case "mcts" -> new Mcts(constants, random);
            case "greedy" -> new Greedy(constants, random);
            case "random" -> new RandomPolicy(constants, random);
            default -> throw new IllegalArgumentException(
                    "unknown search policy '" + name + "'; use one of " + String.join(", ", NAMES));
        };
    }
}
