package ai.automlgen.planner.coder.knowledge;

import ai.automlgen.planner.coder.CoderException;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The knowledge coder's run parameters (the {@code coder.} namespace of {@code RunConfig.params}),
 * both ablation switches of the paper's claims:
 *
 * @param knowledge     {@code coder.knowledge=on} (default) ranks drafts and edits by knowledge;
 *                      {@code off} chooses uniformly (seeded) among the same templates and edits
 * @param fineOperators {@code coder.operators=fine} (default) makes improve, evolution and debug one
 *                      atomic module edit; {@code coarse} makes each a whole-pipeline rewrite
 */
public record KnowledgeOptions(boolean knowledge, boolean fineOperators) {
    public static final KnowledgeOptions DEFAULTS = new KnowledgeOptions(true, true);
    static final String KNOWLEDGE = "coder.knowledge";
    static final String OPERATORS = "coder.operators";
    private static final Map<String, List<String>> ALLOWED = Map.of(KNOWLEDGE, List.of("on", "off"), OPERATORS, List.of("fine", "coarse"));

    /** Reads the {@code coder.} keys; other namespaces belong to other components and are ignored. */
    public static KnowledgeOptions from(Map<String, String> params) {
        Map<String, String> mine = new TreeMap<>();
        params.forEach((key, value) -> {
            if (key.startsWith("coder.")) {
                mine.put(key, value == null ? "" : value.strip());
            }
        });
        for (Map.Entry<String, String> param : mine.entrySet()) {
            List<String> allowed = ALLOWED.get(param.getKey());
            if (allowed == null) {
                throw new CoderException("unknown coder parameter '" + param.getKey() + "'; the knowledge coder knows "
                        + KNOWLEDGE + "=on|off and " + OPERATORS + "=fine|coarse");
            }
            if (!allowed.contains(param.getValue())) {
                throw new CoderException("coder parameter " + param.getKey() + "=" + param.getValue() + " is not allowed; use one of "
                        + String.join(", ", allowed));
            }
        }
        return new KnowledgeOptions(!"off".equals(mine.get(KNOWLEDGE)), !"coarse".equals(mine.get(OPERATORS)));
    }
}
