package ai.automlgen.planner.search;

import ai.automlgen.planner.coder.Operator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * Where to expand next (DESIGN §5), in the steps a policy composes: fill the root with drafts, continue debug and
 * improvement chains, switch over time to global top-K exploitation, otherwise descend the tree by UCT to the
 * first node that can take a child. Every step respects child limits counting in-flight children, so the graph's
 * atomic claim only fails when another replica decided the same thing at the same moment.
 */
public final class Selection {
    private final SearchConstants constants;
    private final Random random;

    public Selection(SearchConstants constants, Random random) {
        this.constants = constants;
        this.random = random;
    }

    /** A draft while the root has fewer drafts than its limit (default 5). */
    public Optional<Decision> draft(GraphView graph) {
        SearchNode root = graph.root();
        if (!ChildLimits.hasRoom(graph, root, Operator.DRAFT, constants.maxDrafts())) {
            return Optional.empty();
        }
        return Optional.of(Decision.of(Operator.DRAFT, root.id(), constants.maxDrafts()));
    }

    /** The oldest buggy leaf whose debug chain may go on (debug depth below the maximum, default 20): debug it. */
    public Optional<Decision> debugChain(GraphView graph) {
        return graph.oldestFinishedLeaf(
                        leaf -> leaf.status() == NodeStatus.BUGGY && leaf.debugDepth() < constants.maxDebugDepth())
                .map(leaf -> Decision.of(Operator.DEBUG, leaf.id(), constants.maxDebugChildren()));
    }

    /**
     * A good leaf whose improvement chain has missed fewer times in a row than allowed (default 3): the chain goes on
     * from it greedily. The leaf of the leading branch (best score reached anywhere in it) goes first, the first scored
     * among equals. Leading branch first rather than the order the leaves were scored because a run's budget often
     * ends before every chain has had its turn: where one node takes minutes (a fine-tuned encoder), taking turns gave
     * each weaker draft a step for every step of the leading one. The branch's best rather than the leaf's own score
     * so that one missed step does not hand the turn to a weaker branch while the chain may still go on.
     */
    public Optional<SearchNode> improveChain(GraphView graph) {
        List<SearchNode> chains = graph.finishedLeaves().stream()
                .filter(leaf -> leaf.isGood() && leaf.improveMisses() < constants.maxImproveMisses())
                .toList();
        Comparator<SearchNode> bestFirst = graph.objective().bestFirst();
        Map<String, SearchNode> branchBest = new HashMap<>();
        for (SearchNode leaf : chains) {
            branchBest.computeIfAbsent(leaf.branch(), branch -> graph.branchNodes(branch).stream()
                    .filter(SearchNode::isGood).min(bestFirst).orElse(leaf));
        }
        return chains.stream().min(Comparator.comparing(leaf -> branchBest.get(leaf.branch()), bestFirst));
    }

    /** Probability of tree descent at this point of the time budget (default 1.0 until 50%, down to 0.2 at 70%). */
    public double treeWeight(SearchClock clock) {
        return constants.treeWeight().valueAt(clock.timeFraction());
    }

    /**
     * With probability {@code 1 − treeWeight}, a node drawn uniformly from the global top-K (K best good nodes that
     * can take an improvement, at most {@code topKPerBranch} per branch); otherwise empty, and the tree decides.
     */
    public Optional<SearchNode> exploit(GraphView graph, SearchClock clock) {
        if (random.nextDouble() < treeWeight(clock)) {
            return Optional.empty();
        }
        List<SearchNode> pool = topK(graph);
        return pool.isEmpty() ? Optional.empty() : Optional.of(pool.get(random.nextInt(pool.size())));
    }

    /** The exploitation pool: best good nodes with room for an improvement, at most {@code topKPerBranch} per branch. */
    public List<SearchNode> topK(GraphView graph) {
        int asked = constants.topK() * 4;
        while (true) {
            List<SearchNode> ranked = graph.bestNodes(asked);
            List<SearchNode> pool = new ArrayList<>();
            Map<String, Integer> perBranch = new HashMap<>();
            for (SearchNode node : ranked) {
                if (pool.size() == constants.topK()) {
                    return pool;
                }
                if (perBranch.getOrDefault(node.branch(), 0) < constants.topKPerBranch()
                        && ChildLimits.hasRoom(graph, node, Operator.IMPROVE, constants.maxImproveChildren())) {
                    pool.add(node);
                    perBranch.merge(node.branch(), 1, Integer::sum);
                }
            }
            if (ranked.size() < asked) {
                return pool;
            }
            asked *= 2;
        }
    }

    /**
     * UCT tree descent from the root: stop at the first node that can take a child (the root a draft, a good node
     * an improvement, a buggy node a debug), else go to the scored child of highest UCT, backtracking to the next
     * best child when a subtree has nothing to expand. {@code improve} turns a good node into its decision.
     */
    public Optional<Decision> descend(GraphView graph, SearchClock clock, Function<SearchNode, Decision> improve) {
        double c = Uct.explorationConstant(constants, clock.nodeFraction());
        return descend(graph, graph.root(), c).map(node -> expansionAt(node, improve));
    }

    private Optional<SearchNode> descend(GraphView graph, SearchNode node, double c) {
        if (canExpand(graph, node)) {
            return Optional.of(node);
        }
        List<SearchNode> scored = new ArrayList<>();
        for (SearchNode child : graph.children(node.id())) {
            if (child.status().finished()) {
                scored.add(child);
            }
        }
        int parentVisits = node.visits();
        scored.sort(Comparator.comparingDouble(
                (SearchNode child) -> Uct.score(child.value(), child.visits(), parentVisits, c)).reversed());
        for (SearchNode child : scored) {
            Optional<SearchNode> found = descend(graph, child, c);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private boolean canExpand(GraphView graph, SearchNode node) {
        if (node.isRoot()) {
            return ChildLimits.hasRoom(graph, node, Operator.DRAFT, constants.maxDrafts());
        }
        if (node.status() == NodeStatus.GOOD) {
            return ChildLimits.hasRoom(graph, node, Operator.IMPROVE, constants.maxImproveChildren());
        }
        return node.status() == NodeStatus.BUGGY && node.debugDepth() < constants.maxDebugDepth()
                && ChildLimits.hasRoom(graph, node, Operator.DEBUG, constants.maxDebugChildren());
    }

    private Decision expansionAt(SearchNode node, Function<SearchNode, Decision> improve) {
        if (node.isRoot()) {
            return Decision.of(Operator.DRAFT, node.id(), constants.maxDrafts());
        }
        if (node.status() == NodeStatus.BUGGY) {
            return Decision.of(Operator.DEBUG, node.id(), constants.maxDebugChildren());
        }
        return improve.apply(node);
    }

    /** A plain improvement of {@code node} under the improve-children limit. */
    public Decision improve(SearchNode node) {
        return Decision.of(Operator.IMPROVE, node.id(), constants.maxImproveChildren());
    }
}
