package ai.automlgen.cli;

import java.time.Duration;
import java.util.Map;

/**
 * The body of the planner's {@code POST /runs}; a null field takes the planner's default.
 *
 * @param taskDir absolute task folder, visible to every service
 * @param params  search constants ({@code search.}) and coder switches ({@code coder.})
 */
public record RunRequest(String taskDir, Duration budget, Integer maxNodes, String policy, String coder,
                         Integer parallelism, Long seed, Map<String, String> params) {
}
