package ai.automlgen.knowledge.search;

import ai.automlgen.knowledge.kb.Entity;

/**
 * One ranked entity. {@code matchedBy}: "bm25", "dense", "hybrid" for searches; "signature" (an
 * error signature matched) or "bm25" (the traceback's last lines matched its text) for pitfalls.
 */
public record Hit(Entity entity, double score, String matchedBy) {
}
