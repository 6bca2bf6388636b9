package ai.automlgen.planner.coder.knowledge;

import ai.automlgen.planner.coder.NodeContext;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static ai.automlgen.planner.coder.knowledge.Component.of;
import static ai.automlgen.planner.coder.knowledge.PipelineSpec.plus;

/**
 * Fusion borrows one technique from the best reference node of another branch: a feature block
 * this branch lacks, else that branch's model as a blend partner, else one of its training strategies.
 */
public final class Fusion {

    private Fusion() {
    }

    public static Optional<Edit> fuse(PipelineSpec spec, TaskProfile task, List<NodeContext> references, boolean lowerIsBetter) {
        for (NodeContext reference : ranked(references, lowerIsBetter)) {
            Optional<PipelineSpec> other = KnowledgeCoder.specOf(reference);
            if (other.isEmpty() || !other.get().data().id().equals(spec.data().id())) {
                continue;
            }
            String from = " from node " + reference.nodeId();
            for (Component feature : other.get().features()) {
                if (!spec.has(feature.id())) {
                    return Optional.of(new Edit(Edit.FEATURES, "borrow " + feature.id() + from,
                            spec.withFeatures(plus(spec.features(), feature))));
                }
            }
            Component theirs = other.get().model();
            if (Models.blends(spec) && !theirs.id().equals(spec.model().id()) && spec.ensemble().stream().noneMatch(m -> m.id().equals(theirs.id()))
                    && compatible(spec, theirs)) {
                return Optional.of(new Edit(Edit.MODEL, "blend with " + Models.label(theirs) + from + " (weights fitted out of fold)",
                        spec.withEnsemble(plus(spec.ensemble(), theirs), spec.blend() == null ? of("ensembling.weighted_blend") : spec.blend())));
            }
            for (Component strategy : other.get().training()) {
                if (!spec.has(strategy.id())) {
                    return Optional.of(new Edit(Edit.TRAINING, "borrow " + strategy.id() + from,
                            spec.withTraining(plus(spec.training(), strategy))));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A blend partner sees this spec's features: scaled models need scaled inputs, NB needs non-negative ones. A
     * fine-tuned encoder joins only a holdout pipeline: under k folds it would be fine-tuned k times.
     */
    static boolean compatible(PipelineSpec spec, Component model) {
        if (!spec.data().id().equals("data.tabular_frame")) {
            return !model.id().equals("model.small_cnn");
        }
        if (Models.readsText(model)) {
            return spec.validation().id().equals("validation.holdout");
        }
        boolean scaled = spec.has("preprocessing.standard_scaler") || spec.has("preprocessing.quantile_transform");
        boolean raw = spec.preprocessing().isEmpty();
        if (Models.TEXT_ONLY.contains(model.id())) {
            return raw && model.id().equals("model.nb_svm") || raw && spec.features().stream().allMatch(c -> c.id().startsWith("feature.tfidf"));
        }
        return !Models.SCALED.contains(model.id()) || scaled || raw;
    }

    static List<NodeContext> ranked(List<NodeContext> nodes, boolean lowerIsBetter) {
        Comparator<NodeContext> byScore = Comparator.comparingDouble(n -> lowerIsBetter ? n.score() : -n.score());
        return nodes.stream().filter(n -> !n.buggy() && n.score() != null).sorted(byScore).toList();
    }
}
