package ai.automlgen.planner.coder.knowledge;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the knowledge base says for one step (DESIGN §7): the entity ids retrieved for it, best first — model-level
 * ones rank drafts, data- and strategy-level ones rank the edits of the search. {@code on} is false for the
 * knowledge-off ablation, where every choice is uniform and the retrieval is ignored.
 */
record Guidance(boolean on, List<String> retrieved) {

    Guidance {
        retrieved = retrieved == null ? List.of() : List.copyOf(retrieved);
    }

    /** The best retrieval rank among {@code ids} (0 = retrieved first); {@link Integer#MAX_VALUE} when none was retrieved. */
    int rank(Collection<String> ids) {
        return ids.stream().mapToInt(retrieved::indexOf).filter(i -> i >= 0).min().orElse(Integer.MAX_VALUE);
    }

    /**
     * {@code edits} of {@code parent} ordered by the retrieval rank of the entities each one brings in (a feature, a
     * strategy, a model, a blend): what the knowledge base ranked for this task comes first, best first. The sort is
     * stable, so edits bringing in nothing retrieved (a tuning, an entity the base did not rank) keep the hand order
     * of {@link Improvements}, after the retrieved ones.
     */
    List<Edit> order(List<Edit> edits, PipelineSpec parent) {
        Set<String> had = new HashSet<>();
        parent.components().forEach(c -> had.add(c.id()));
        return edits.stream()
                .sorted(Comparator.comparingInt(e -> rank(e.spec().components().stream().map(Component::id)
                        .filter(id -> !had.contains(id)).toList())))
                .toList();
    }
}
