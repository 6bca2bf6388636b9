package ai.automlgen.planner.run;

import ai.automlgen.planner.coder.Operator;
import ai.automlgen.planner.graph.NodeRecord;
import ai.automlgen.planner.graph.RunRecord;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides where the next node goes. The walking skeleton drafts one pipeline per run; the search
 * policies (mcgs, mcts, greedy, random) replace this decision, not the bookkeeping around it.
 */
@ApplicationScoped
public class ExpansionPlanner {
    static final Set<String> POLICIES = Set.of("mcgs", "mcts", "greedy", "random");

    /** Expand {@code parentId} with {@code operator}, borrowing from {@code referenceIds}. */
    public record Decision(Operator operator, String parentId, List<String> referenceIds) {
    }

    public boolean knows(String policy) {
        return POLICIES.contains(policy);
    }

    public Set<String> policies() {
        return POLICIES;
    }

    public Optional<Decision> next(RunRecord run, List<NodeRecord> nodes) {
        boolean drafted = nodes.stream().anyMatch(n -> "draft".equals(n.operator()));
        return drafted ? Optional.empty() : Optional.of(new Decision(Operator.DRAFT, RunService.ROOT, List.of()));
    }
}
