package ai.automlgen.planner.coder.knowledge;

import ai.automlgen.planner.coder.NodeContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static ai.automlgen.planner.coder.knowledge.Component.of;
import static ai.automlgen.planner.coder.knowledge.PipelineSpec.plus;

/**
 * Aggregation starts a new branch from every branch's best: the best reference's pipeline, with
 * the feature blocks of the other references of the same kind added, and their (different) models
 * blended in with out-of-fold weights.
 */
public final class Aggregation {
    private static final int MAX_PARTNERS = 2;

    private Aggregation() {
    }

    public static Optional<Edit> aggregate(TaskProfile task, List<NodeContext> references, boolean lowerIsBetter) {
        List<NodeContext> ranked = Fusion.ranked(references, lowerIsBetter);
        List<PipelineSpec> specs = ranked.stream().map(KnowledgeCoder::specOf).flatMap(Optional::stream).toList();
        if (specs.isEmpty()) {
            return Optional.empty();
        }
        PipelineSpec best = specs.get(0).withRefit(false);
        PipelineSpec combined = best;
        List<String> borrowed = new ArrayList<>();
        List<Component> partners = new ArrayList<>(best.ensemble());
        for (PipelineSpec other : specs.subList(1, specs.size())) {
            if (!other.data().id().equals(best.data().id())) {
                continue;
            }
            for (Component feature : other.features()) {
                if (!combined.has(feature.id())) {
                    combined = combined.withFeatures(plus(combined.features(), feature));
                    borrowed.add(feature.id());
                }
            }
            Component model = other.model();
            if (Models.blends(best) && partners.size() < MAX_PARTNERS && !model.id().equals(best.model().id())
                    && partners.stream().noneMatch(m -> m.id().equals(model.id())) && Fusion.compatible(combined, model)) {
                partners.add(model);
            }
        }
        if (!partners.isEmpty()) {
            combined = combined.withEnsemble(partners, best.blend() == null ? of("ensembling.weighted_blend") : best.blend());
        }
        String plan = "combine " + specs.size() + " branches: " + Models.label(best.model()) + " pipeline"
                + (borrowed.isEmpty() ? "" : " + " + String.join(", ", borrowed))
                + (partners.isEmpty() ? "" : ", blended with " + String.join(" and ", partners.stream().map(Models::label).toList()));
        return Optional.of(new Edit(Edit.MODEL, plan, combined));
    }
}
