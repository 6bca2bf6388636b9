package ai.automlgen.planner.run;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /runs}: the task folder (absolute, visible to every service) and optional overrides
 * of the run defaults. {@code budget} is an ISO-8601 duration ("PT10M").
 */
public record RunRequest(String taskDir, Duration budget, Integer maxNodes, String policy, String coder,
                         Integer parallelism, Long seed, List<String> evaluators, String rewardEvaluator,
                         Map<String, String> params) {
}
