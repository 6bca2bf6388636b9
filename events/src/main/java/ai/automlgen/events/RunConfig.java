package ai.automlgen.events;

import java.util.List;
import java.util.Map;

/**
 * How a run searches: the policy (mcgs, mcts, greedy, random), the coder (knowledge, llm, builtin),
 * how many expansions stay in flight, the seed, which evaluators score nodes and whose score is the
 * reward, and free-form per-run overrides of search constants ({@code params}).
 */
public record RunConfig(String policy, String coder, int parallelism, long seed,
                        List<String> evaluators, String rewardEvaluator, Map<String, String> params) {
    public static final String DEFAULT_EVALUATOR = "holdout";

    public RunConfig {
        evaluators = evaluators == null || evaluators.isEmpty() ? List.of(DEFAULT_EVALUATOR) : List.copyOf(evaluators);
        rewardEvaluator = rewardEvaluator == null || rewardEvaluator.isBlank() ? evaluators.get(0) : rewardEvaluator;
        params = params == null ? Map.of() : Map.copyOf(params);
        if (parallelism < 1) {
            parallelism = 1;
        }
    }
}
