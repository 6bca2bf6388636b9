package ai.automlgen.planner.coder;

import ai.automlgen.events.PreparedInputs;
import ai.automlgen.events.TaskInfo;

import java.util.List;
import java.util.Map;

/**
 * Everything a coder gets for one operator application.
 *
 * @param operator   which operator to apply
 * @param task       the task as the evaluator read it (metric, direction, columns, description)
 * @param inputs     the prepared input roles (docs/pipeline-contract.md)
 * @param parent     the node being improved/debugged/refit; null for a draft or aggregation
 * @param siblings   nodes the new one should differ from: every draft of the run and, below the root, the
 *                   parent's other children
 * @param references nodes from other branches: fusion borrows from them, aggregation combines them
 * @param trajectory the path from the branch's first node to the parent, oldest first (improvements read which
 *                   steps helped, evolution rewrites from it); empty for a draft or aggregation
 * @param knowledge  knowledge-base entity ids retrieved for this step, best first
 * @param seed       seed for this node's choices and for the generated code
 * @param params     the run's parameters ({@code RunConfig.params}); a coder reads its own namespace
 *                   ({@code coder.}) and ignores the rest
 * @param limits     the time and resources the node's script will run with; null where unknown
 */
public record CodeRequest(Operator operator, TaskInfo task, PreparedInputs inputs, NodeContext parent,
                          List<NodeContext> siblings, List<NodeContext> references, List<NodeContext> trajectory,
                          List<String> knowledge, long seed,
                          Map<String, String> params, ExecutionLimits limits) {
    public CodeRequest {
        siblings = siblings == null ? List.of() : List.copyOf(siblings);
        references = references == null ? List.of() : List.copyOf(references);
        trajectory = trajectory == null ? List.of() : List.copyOf(trajectory);
        knowledge = knowledge == null ? List.of() : List.copyOf(knowledge);
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    /** A request without known limits (coders that do not size their work by them, and their tests). */
    public CodeRequest(Operator operator, TaskInfo task, PreparedInputs inputs, NodeContext parent,
                       List<NodeContext> siblings, List<NodeContext> references, List<NodeContext> trajectory,
                       List<String> knowledge, long seed, Map<String, String> params) {
        this(operator, task, inputs, parent, siblings, references, trajectory, knowledge, seed, params, null);
    }
}
