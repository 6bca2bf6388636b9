package ai.automlgen.planner.search;

import ai.automlgen.planner.search.policy.SearchPolicy;

import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One replica's use of the search: decide and claim an expansion, and record a scored node (reward, best,
 * backpropagation). Everything it writes goes through the {@link SearchGraph} port's atomic operations, so any
 * number of engines, in one planner or several, may work on one graph at once.
 */
public final class SearchEngine {
    /** How often a decision is retaken when another replica claimed the same expansion first. */
    private static final int CLAIM_ATTEMPTS = 4;

    private final SearchGraph graph;
    private final SearchPolicy policy;
    private final Rewards rewards;
    private final Supplier<String> nodeIds;
    private final LongSupplier nowMillis;

    public SearchEngine(SearchGraph graph, SearchPolicy policy, SearchConstants constants, Supplier<String> nodeIds,
                        LongSupplier nowMillis) {
        this.graph = graph;
        this.policy = policy;
        this.rewards = new Rewards(constants);
        this.nodeIds = nodeIds;
        this.nowMillis = nowMillis;
    }

    /** A claimed expansion: the new PENDING node and the decision that made it (references, trajectory). */
    public record Expansion(SearchNode node, Decision decision) {
    }

    /** What recording a score did: the node as recorded, its reward, whether it is the new best and was backpropagated. */
    public record Scored(SearchNode node, double reward, boolean newGlobalBest, boolean backpropagated) {
    }

    /** A decision and its parent as the decision saw it. */
    private record Claim(Decision decision, SearchNode parent) {
    }

    /** Decides and claims the next expansion; empty when nothing can be expanded until an in-flight node is scored. */
    public Optional<Expansion> expand(SearchClock clock) {
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            Optional<Claim> decided = graph.decide(view -> policy.next(view, clock)
                    .map(decision -> new Claim(decision, view.node(decision.parentId()).orElseThrow())));
            if (decided.isEmpty()) {
                return Optional.empty();
            }
            Decision chosen = decided.get().decision();
            SearchNode child = SearchNode.pending(nodeIds.get(), decided.get().parent(), chosen.operator(),
                    nowMillis.getAsLong());
            if (graph.claimExpansion(child, ChildLimits.countedWith(chosen.operator()), chosen.childLimit())) {
                chosen.extraEdges(child.id()).forEach(graph::addEdge);
                return Optional.of(new Expansion(child, chosen));
            }
        }
        return Optional.empty();
    }

    /**
     * Records an in-flight node's evaluation ({@code score} null: buggy), its reward and, where the rules say so, the
     * backpropagation. Empty when the node was already recorded or cancelled: a redelivered evaluation changes nothing.
     */
    public Optional<Scored> record(String nodeId, Double score) {
        if (score != null && !Double.isFinite(score)) {
            throw new IllegalArgumentException("node '" + nodeId + "' scored " + score
                    + "; record a node without a finite score as buggy (null)");
        }
        SearchNode node = known(nodeId);
        if (!node.status().inFlight()) {
            return Optional.empty();
        }
        SearchNode parent = graph.node(node.parentId()).orElseThrow();
        NodeStatus status = score == null ? NodeStatus.BUGGY : NodeStatus.GOOD;
        int misses = rewards.improveMisses(node, parent, score, graph.objective());
        SearchGraph.Recorded recorded = graph.recordResult(nodeId, status, score, misses, nowMillis.getAsLong());
        if (!recorded.applied()) {
            return Optional.empty();
        }
        SearchNode scored = graph.node(nodeId).orElseThrow();
        double reward = rewards.reward(scored, parent, recorded.newGlobalBest());
        boolean backpropagates = rewards.backpropagates(scored);
        if (backpropagates) {
            graph.backpropagate(nodeId, reward);
        }
        return Optional.of(new Scored(scored, reward, recorded.newGlobalBest(), backpropagates));
    }

    /**
     * A node this graph has already scored, as {@link #record} would report it now (its reward, whether it is the
     * best node): for a caller whose own records missed the score because it stopped between the two, and who is
     * handed the same verdict again. Empty while the node is in flight and for a cancelled node.
     */
    public Optional<Scored> scoredBefore(String nodeId) {
        SearchNode node = known(nodeId);
        if (node.status().inFlight() || node.status() == NodeStatus.CANCELLED) {
            return Optional.empty();
        }
        boolean best = graph.bestNode().filter(b -> b.id().equals(nodeId)).isPresent();
        SearchNode parent = graph.node(node.parentId()).orElseThrow();
        return Optional.of(new Scored(node, rewards.reward(node, parent, best), best, rewards.backpropagates(node)));
    }

    private SearchNode known(String nodeId) {
        return graph.node(nodeId)
                .orElseThrow(() -> new IllegalArgumentException("no node '" + nodeId + "' in this search graph"));
    }
}
