package ai.automlgen.planner.coder.knowledge;

import ai.automlgen.planner.coder.NodeContext;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static ai.automlgen.planner.coder.knowledge.PipelineSpec.minus;

/**
 * Evolution reads the branch's root-to-node trajectory: each step's score against the previous
 * scored step says whether its change helped. Changes that hurt and are still in the pipeline are
 * reverted; the next change comes from the module whose changes helped most (what the retrieval
 * ranked first), and does not rewrite a pipeline that already exists nearby (see
 * {@link KnowledgeCoder#improve}).
 */
public final class Evolution {
    /** A number in a plan: "0.05", "600", "2e-4". */
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?(?:e-?\\d+)?");
    /**
     * A step that moved its branch's score by less than this did not help (the search's published improvement
     * threshold): a knob the pipeline barely reads, such as the alpha of a ridge on thousands of rows.
     */
    static final double LEAST_GAIN = 1e-4;

    private Evolution() {
    }

    /** One step of the trajectory with the score change it caused (positive = better). */
    record Step(NodeContext node, PipelineSpec before, PipelineSpec after, double gain) {
    }

    static List<Step> steps(List<NodeContext> trajectory, boolean lowerIsBetter) {
        List<Step> steps = new ArrayList<>();
        NodeContext previous = null;
        PipelineSpec previousSpec = null;
        for (NodeContext node : trajectory) {
            Optional<PipelineSpec> spec = KnowledgeCoder.specOf(node);
            if (node.buggy() || node.score() == null || spec.isEmpty()) {
                continue;
            }
            if (previous != null) {
                double gain = (node.score() - previous.score()) * (lowerIsBetter ? -1 : 1);
                steps.add(new Step(node, previousSpec, spec.get(), gain));
            }
            previous = node;
            previousSpec = spec.get();
        }
        return steps;
    }

    /** Plans of steps that did not help their branch (worse, or less than {@link #LEAST_GAIN} better), numbers masked. */
    static Set<String> missedPlans(List<NodeContext> trajectory, boolean lowerIsBetter) {
        Set<String> plans = new HashSet<>();
        for (Step step : steps(trajectory, lowerIsBetter)) {
            if (step.gain() < LEAST_GAIN && step.node().plan() != null) {
                plans.add(masked(step.node().plan()));
            }
        }
        return plans;
    }

    /**
     * Whether {@code edit} repeats a step that did not help the branch, with the same numbers or others: after "for 3
     * epochs" hurt, "for 4 epochs" goes the same way (tweet's span encoder: 3 epochs validated 0.6904 under 2 epochs'
     * 0.6951, and 4 epochs then spent five more minutes for 0.6931); after "grow 1000 trees" changed nothing, 2000
     * will not either.
     */
    static boolean repeatsAMiss(Set<String> missedPlans, Edit edit) {
        String plan = masked(edit.plan());
        return missedPlans.stream().anyMatch(missed -> missed.endsWith(plan));
    }

    private static String masked(String plan) {
        return NUMBER.matcher(plan).replaceAll("#");
    }

    /**
     * The trajectory's last step where it made the branch worse and {@code spec} is the pipeline it wrote: an evolution
     * and an improvement undo it before their own change, so that a chain does not go on from a worse pipeline (on
     * pizza a chain went on from a pseudo-labelling step 0.067 below its parent for three more nodes, none of them
     * back at the parent's score).
     */
    static Optional<Step> hurtingLastStep(PipelineSpec spec, List<NodeContext> trajectory, boolean lowerIsBetter) {
        List<Step> steps = steps(trajectory, lowerIsBetter);
        if (steps.isEmpty()) {
            return Optional.empty();
        }
        Step last = steps.get(steps.size() - 1);
        return last.gain() < 0 && last.after().equals(spec) ? Optional.of(last) : Optional.empty();
    }

    /** How a plan says that {@code step} was undone. */
    static String undone(Step step) {
        return "undo '" + shortPlan(step.node().plan()) + "' (" + signed(step.gain()) + ")";
    }

    public static Edit evolve(PipelineSpec spec, TaskProfile task, List<NodeContext> trajectory, Set<PipelineSpec> existing,
                              long seed, boolean lowerIsBetter, Guidance knowledge) {
        List<Step> steps = steps(trajectory, lowerIsBetter);
        Optional<Step> undo = hurtingLastStep(spec, trajectory, lowerIsBetter);
        PipelineSpec current = spec;
        List<String> notes = new ArrayList<>();
        String bestModule = null;
        double bestGain = LEAST_GAIN; // a module "helped" only by more than noise
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            List<String> added = added(step.before(), step.after());
            if (undo.isPresent() && i == steps.size() - 1) {
                current = step.before();
                notes.add(undone(step));
            } else if (step.gain() < 0) {
                for (String id : added) {
                    PipelineSpec reverted = remove(current, id);
                    if (!reverted.equals(current)) {
                        current = reverted;
                        notes.add("drop " + id + " (" + signed(step.gain()) + ")");
                    }
                }
            } else if (step.gain() > bestGain) {
                bestGain = step.gain();
                bestModule = module(step);
                notes.add("keep " + (added.isEmpty() ? shortPlan(step.node().plan()) : String.join(", ", added))
                        + " (" + signed(step.gain()) + ")");
            }
        }
        PipelineSpec kept = current;
        List<Edit> edits = Improvements.candidates(kept, task);
        Set<String> missed = missedPlans(trajectory, lowerIsBetter);
        String module = bestModule;
        List<Edit> inModule = edits.stream().filter(e -> module != null && e.module().equals(module))
                .filter(e -> !repeatsAMiss(missed, e))
                .filter(e -> !existing.contains(e.spec())).toList();
        Edit next = !inModule.isEmpty() ? (knowledge.on() ? knowledge.order(inModule, kept).get(0) : KnowledgeCoder.uniform(inModule, seed))
                : edits.isEmpty() ? null : KnowledgeCoder.improve(kept, task, trajectory, existing, seed, knowledge);
        if (next == null) {
            return new Edit(Edit.TRAINING, notes.isEmpty() ? "nothing left to change" : String.join("; ", notes), kept);
        }
        return new Edit(next.module(), (notes.isEmpty() ? "" : String.join("; ", notes) + "; then ") + next.plan(), next.spec());
    }

    private static String module(Step step) {
        if (!step.before().model().id().equals(step.after().model().id()) || !step.before().ensemble().equals(step.after().ensemble())) {
            return Edit.MODEL;
        }
        if (!step.before().model().equals(step.after().model())) {
            return Edit.HYPERPARAMETERS;
        }
        if (!step.before().features().equals(step.after().features()) || !step.before().preprocessing().equals(step.after().preprocessing())) {
            return Edit.FEATURES;
        }
        return Edit.TRAINING;
    }

    static List<String> added(PipelineSpec before, PipelineSpec after) {
        Set<String> had = new HashSet<>();
        before.components().forEach(c -> had.add(c.id()));
        return after.components().stream().map(Component::id).filter(id -> !had.contains(id) && !id.startsWith("model."))
                .filter(id -> !id.startsWith("validation.")).distinct().toList();
    }

    private static PipelineSpec remove(PipelineSpec spec, String id) {
        if (id.startsWith("feature.")) {
            return spec.withFeatures(minus(spec.features(), id));
        }
        if (id.startsWith("strategy.") || id.startsWith("augmentation.")) {
            return spec.withTraining(minus(spec.training(), id)).withPostprocessing(minus(spec.postprocessing(), id));
        }
        if (id.startsWith("ensembling.")) {
            return spec.withEnsemble(List.of(), null);
        }
        if (id.equals("preprocessing.log_target") || id.equals("preprocessing.quantile_transform")) {
            return spec.withPreprocessing(minus(spec.preprocessing(), id));
        }
        return spec;
    }

    private static String shortPlan(String plan) {
        String text = plan == null ? "" : plan.substring(plan.indexOf(':') + 1).strip();
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private static String signed(double gain) {
        return String.format(Locale.ROOT, "%+.4f", gain);
    }
}
