package ai.automlgen.planner.search;

import ai.automlgen.planner.coder.Operator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When the graph stops being a tree (DESIGN §5): a branch that stagnates borrows a technique from the top nodes of
 * other branches (fusion); a search that stagnates as a whole starts a new branch synthesised from every branch's
 * best (aggregation). Stagnation is counted in scored nodes, not time: a node is progress only if it beats the best
 * before it by more than the improvement threshold. Each trigger waits a full window after it last fired, and
 * while its node is in flight, so one stagnation does not fire it twice.
 */
public final class Triggers {
    private final SearchConstants constants;

    public Triggers(SearchConstants constants) {
        this.constants = constants;
    }

    /**
     * Aggregation if the whole search stagnates, else fusion if a branch does; one pass over the graph. Either is
     * left out where the run switched it off ({@code search.aggregation}, {@code search.fusion}).
     */
    public Optional<Decision> next(GraphView graph) {
        Survey survey = survey(graph);
        Optional<Decision> aggregation = constants.aggregation() ? aggregation(graph, survey) : Optional.empty();
        return aggregation.or(() -> constants.fusion() ? fusion(graph, survey) : Optional.empty());
    }

    /** A fusion for the most stagnant branch that has a node to fuse into and another branch to borrow from. */
    public Optional<Decision> fusion(GraphView graph) {
        return fusion(graph, survey(graph));
    }

    /** An aggregation of the branch bests (two branches at least) when the search stagnates as a whole. */
    public Optional<Decision> aggregation(GraphView graph) {
        return aggregation(graph, survey(graph));
    }

    private Optional<Decision> fusion(GraphView graph, Survey survey) {
        List<Progress> stagnant = new ArrayList<>();
        for (Progress branch : survey.branches.values()) {
            if (branch.best != null && branch.scoredSinceBest >= constants.branchStagnation()
                    && branch.scoredSinceTrigger >= constants.branchStagnation() && !branch.triggerInFlight) {
                stagnant.add(branch);
            }
        }
        stagnant.sort(Comparator.comparingInt((Progress p) -> p.scoredSinceBest).reversed());
        for (Progress branch : stagnant) {
            String id = branch.best.branch();
            List<SearchNode> references = branchBests(graph, survey, id, constants.fusionReferences());
            Optional<SearchNode> target = fusionTarget(graph, id);
            if (!references.isEmpty() && target.isPresent()) {
                return Optional.of(new Decision(Operator.FUSION, target.get().id(),
                        references.stream().map(SearchNode::id).toList(), List.of(),
                        constants.maxImproveChildren()));
            }
        }
        return Optional.empty();
    }

    private Optional<Decision> aggregation(GraphView graph, Survey survey) {
        Progress search = survey.search;
        List<SearchNode> sources = branchBests(graph, survey, null, constants.aggregationBranches());
        if (sources.size() < 2 || search.triggerInFlight || search.scoredSinceBest < constants.globalStagnation()
                || search.scoredSinceTrigger < constants.globalStagnation()) {
            return Optional.empty();
        }
        return Optional.of(new Decision(Operator.AGGREGATION, graph.root().id(),
                sources.stream().map(SearchNode::id).toList(), List.of(), search.triggers + 1));
    }

    /** The best node of each branch but {@code excludedBranch}, best first, at most {@code limit}. */
    private static List<SearchNode> branchBests(GraphView graph, Survey survey, String excludedBranch, int limit) {
        List<SearchNode> bests = new ArrayList<>();
        survey.branches.forEach((branch, progress) -> {
            if (!branch.equals(excludedBranch) && progress.best != null) {
                bests.add(progress.best);
            }
        });
        bests.sort(graph.objective().bestFirst());
        return bests.subList(0, Math.min(limit, bests.size()));
    }

    /** The best node of the branch that can still take an improving child. */
    private Optional<SearchNode> fusionTarget(GraphView graph, String branch) {
        return graph.branchNodes(branch).stream()
                .filter(SearchNode::isGood)
                .sorted(graph.objective().bestFirst())
                .filter(node -> ChildLimits.hasRoom(graph, node, Operator.FUSION, constants.maxImproveChildren()))
                .findFirst();
    }

    private Survey survey(GraphView graph) {
        Survey survey = new Survey(new Progress(Operator.AGGREGATION), new LinkedHashMap<>());
        for (SearchNode node : graph.nodes()) {
            survey.search.add(node, graph.objective(), constants.improvementThreshold());
            survey.branches.computeIfAbsent(node.branch(), b -> new Progress(Operator.FUSION))
                    .add(node, graph.objective(), constants.improvementThreshold());
        }
        return survey;
    }

    /** Progress of the whole search (whose trigger is aggregation) and of each branch (whose trigger is fusion). */
    private record Survey(Progress search, Map<String, Progress> branches) {
    }

    /** Fed nodes in creation order: the best so far, and how many scored nodes came after it and after the trigger. */
    private static final class Progress {
        final Operator trigger;
        SearchNode best;
        int scoredSinceBest;
        int scoredSinceTrigger = Integer.MAX_VALUE / 2;
        int triggers;
        boolean triggerInFlight;

        Progress(Operator trigger) {
            this.trigger = trigger;
        }

        void add(SearchNode node, Objective objective, double threshold) {
            if (node.operator() == trigger && node.status() != NodeStatus.CANCELLED) {
                triggers++;
                triggerInFlight |= node.status().inFlight();
                scoredSinceTrigger = 0;
            } else if (node.status().finished()) {
                scoredSinceTrigger++;
            }
            if (node.isGood() && (best == null || objective.improves(node.score(), best.score(), threshold))) {
                best = node;
                scoredSinceBest = 0;
            } else if (node.status().finished()) {
                scoredSinceBest++;
            }
        }
    }
}
