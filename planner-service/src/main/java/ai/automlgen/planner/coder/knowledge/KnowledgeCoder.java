package ai.automlgen.planner.coder.knowledge;

import ai.automlgen.planner.coder.CodeRequest;
import ai.automlgen.planner.coder.CodeResult;
import ai.automlgen.planner.coder.Coder;
import ai.automlgen.planner.coder.CoderException;
import ai.automlgen.planner.coder.NodeContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * The offline coder (DESIGN §6): every operator is an edit of the parent's {@link PipelineSpec},
 * rendered to one Python script. Choices depend only on the request (seed included), so the same
 * request always yields the same code. The run's {@link KnowledgeOptions} switch knowledge ranking
 * off or make the operators coarse (the ablations).
 */
@ApplicationScoped
public class KnowledgeCoder implements Coder {
    /** The line data.tabular_frame logs after fitting blend weights on held-out rows. */
    private static final Pattern BLEND_WEIGHTS = Pattern.compile("blend weights \\[([-0-9.eE, ]+)\\]");
    private final ScriptRenderer renderer = new ScriptRenderer();

    @Override
    public String name() {
        return "knowledge";
    }

    @Override
    public void check(Map<String, String> params) {
        KnowledgeOptions.from(params);
    }

    @Override
    public CodeResult write(CodeRequest request) {
        if (request.task() == null) {
            throw new CoderException("the request has no task; the planner must pass the TaskInfo from TaskPrepared");
        }
        KnowledgeOptions options = KnowledgeOptions.from(request.params());
        TaskProfile task = TaskProfile.of(request.task(), request.inputs())
                .seenIn(request.parent() == null ? null : request.parent().outputTail());
        Guidance knowledge = new Guidance(options.knowledge(), request.knowledge());
        Edit edit = switch (request.operator()) {
            case DRAFT -> draft(task, request, knowledge);
            case IMPROVE -> improveOrRewrite(task, request, options, knowledge);
            case DEBUG -> options.fineOperators() ? Pitfalls.debug(parentSpec(request), task, request.parent().outputTail())
                    : rewrite(task, request, knowledge.on());
            case EVOLUTION -> options.fineOperators() ? Evolution.evolve(parentSpec(request), task, trajectoryWithParent(request),
                    existing(request), request.seed(), request.task().lowerIsBetter(), knowledge) : rewrite(task, request, knowledge.on());
            case FUSION -> Fusion.fuse(parentSpec(request), task, request.references(), request.task().lowerIsBetter())
                    .orElseGet(() -> improveOrRewrite(task, request, options, knowledge));
            case AGGREGATION -> Aggregation.aggregate(task, request.references(), request.task().lowerIsBetter())
                    .orElseGet(() -> draft(task, request, knowledge));
            case REFIT -> new Edit(Edit.TRAINING, "refit on all labelled data (" + Models.label(parentSpec(request).model()) + ")",
                    refit(parentSpec(request), request.parent().outputTail()));
        };
        String plan = request.operator().wireName() + ": " + edit.plan();
        return new CodeResult(renderer.render(edit.spec(), request.task(), request.inputs(), plan), plan, edit.spec().toJson());
    }

    /**
     * The parent's pipeline trained on every labelled row. A holdout pipeline's refit has no held-out rows to fit blend
     * weights on (it would weigh its models equally), so a weighted blend keeps the weights its node logged.
     */
    static PipelineSpec refit(PipelineSpec parent, String parentLog) {
        PipelineSpec spec = parent.withRefit(true);
        List<List<Double>> logged = parentLog == null ? List.of() : BLEND_WEIGHTS.matcher(parentLog).results()
                .map(m -> Arrays.stream(m.group(1).split(",")).map(String::strip).map(Double::parseDouble).toList()).toList();
        // several targets log one set each; which set is whose is not carried over (their refit weighs equally)
        if (logged.size() != 1 || spec.blend() == null || !spec.blend().id().equals("ensembling.weighted_blend")
                || logged.get(0).size() != spec.models().size()) {
            return spec;
        }
        return spec.withEnsemble(spec.ensemble(), spec.blend().with("weights", logged.get(0)));
    }

    /** With fine operators, one edit of the parent's pipeline, or of the one before it where the parent's own step made it worse. */
    private static Edit improveOrRewrite(TaskProfile task, CodeRequest request, KnowledgeOptions options, Guidance knowledge) {
        if (!options.fineOperators()) {
            return rewrite(task, request, knowledge.on());
        }
        PipelineSpec parent = parentSpec(request);
        Optional<Evolution.Step> hurt = Evolution.hurtingLastStep(parent, trajectoryWithParent(request), request.task().lowerIsBetter());
        Edit edit = improve(hurt.map(Evolution.Step::before).orElse(parent), task, request.trajectory(), existing(request),
                request.seed(), knowledge);
        return hurt.map(step -> new Edit(edit.module(), Evolution.undone(step) + "; then " + edit.plan(), edit.spec())).orElse(edit);
    }

    /** The pipelines already written near the new node (its siblings, its branch, its parent): an edit should not repeat one. */
    private static Set<PipelineSpec> existing(CodeRequest request) {
        Set<PipelineSpec> specs = new HashSet<>();
        for (NodeContext node : request.siblings()) {
            specOf(node).ifPresent(specs::add);
        }
        trajectoryWithParent(request).forEach(node -> specOf(node).ifPresent(specs::add));
        return specs;
    }

    private static PipelineSpec parentSpec(CodeRequest request) {
        NodeContext parent = request.parent();
        if (parent == null) {
            throw new CoderException(request.operator().wireName() + " needs a parent node; none was given");
        }
        if (parent.spec() == null || parent.spec().isBlank()) {
            throw new CoderException("node " + parent.nodeId() + " has no knowledge-coder spec (it was written by another coder); "
                    + "draft a new node with the knowledge coder instead");
        }
        return PipelineSpec.fromJson(parent.spec());
    }

    private static List<NodeContext> trajectoryWithParent(CodeRequest request) {
        List<NodeContext> path = new ArrayList<>(request.trajectory());
        if (request.parent() != null && path.stream().noneMatch(n -> Objects.equals(n.nodeId(), request.parent().nodeId()))) {
            path.add(request.parent());
        }
        return path;
    }

    /**
     * The strongest draft for the task that no sibling has used yet, preferring, among the three leading
     * ones, the draft whose models the knowledge retrieval ranked first; once every draft is taken, a
     * seeded variant of one. Without knowledge, a uniform seeded choice among the same open drafts.
     */
    static Edit draft(TaskProfile task, CodeRequest request, Guidance knowledge) {
        Set<PipelineSpec> drafted = existing(request); // a draft has no parent or branch: its siblings' pipelines
        List<Drafts.Draft> open = open(task, drafted);
        if (open.isEmpty()) {
            return variant(task, request.seed(), drafted);
        }
        Drafts.Draft chosen;
        if (!knowledge.on()) {
            chosen = uniform(open, request.seed());
        } else {
            // a stack is as relevant as its base models
            List<Drafts.Draft> leading = open.subList(0, Math.min(3, open.size()));
            chosen = leading.stream()
                    .min(Comparator.comparingInt(d -> knowledge.rank(Drafts.modelsTrained(d.spec()))))
                    .orElseThrow();
            if (knowledge.rank(Drafts.modelsTrained(chosen.spec())) == Integer.MAX_VALUE) {
                chosen = open.get(0);
            }
        }
        return new Edit(Edit.MODEL, chosen.plan(), chosen.spec());
    }

    /**
     * A coarse operator step ({@code coder.operators=coarse}): a whole new draft-level pipeline for the
     * task instead of one module edit, different from every pipeline near it (the run's drafts, the
     * parent's other children, the branch). It keeps nothing of the parent; the data family is the
     * task's, as the pipeline contract requires. The seed picks among the three leading open drafts
     * (knowledge order), or uniformly among all without knowledge; once every family is taken, a
     * seeded variant that does not exist yet.
     */
    static Edit rewrite(TaskProfile task, CodeRequest request, boolean knowledge) {
        parentSpec(request); // a rewrite keeps nothing of its parent, but still needs one written by this coder
        Set<PipelineSpec> existing = existing(request);
        List<Drafts.Draft> open = open(task, existing);
        Edit fresh;
        if (open.isEmpty()) {
            fresh = variant(task, request.seed(), existing);
        } else {
            Drafts.Draft chosen = uniform(knowledge ? open.subList(0, Math.min(3, open.size())) : open, request.seed());
            fresh = new Edit(Edit.MODEL, chosen.plan(), chosen.spec());
        }
        return new Edit(Edit.MODEL, "rewrite the whole pipeline → " + fresh.plan(), fresh.spec());
    }

    /** The task's drafts whose family (see {@link #signature}) none of {@code existing} has. */
    private static List<Drafts.Draft> open(TaskProfile task, Set<PipelineSpec> existing) {
        Set<String> taken = new HashSet<>();
        existing.forEach(spec -> taken.add(signature(spec)));
        return Drafts.candidates(task).stream().filter(d -> !taken.contains(signature(d.spec()))).toList();
    }

    /**
     * Every draft family is taken: a seeded hyperparameter variant of one that is not in {@code existing}. The
     * seed picks the family; when all of its variants exist, the next family's. Only when every variant of every
     * family exists does it repeat a pipeline (the seed's family as drafted).
     */
    private static Edit variant(TaskProfile task, long seed, Set<PipelineSpec> existing) {
        List<Drafts.Draft> candidates = Drafts.candidates(task);
        int first = (int) Math.floorMod(seed, candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            Drafts.Draft base = candidates.get((first + i) % candidates.size());
            List<Edit> variants = Improvements.hyperparameters(base.spec(), task).stream()
                    .filter(v -> !existing.contains(v.spec())).toList();
            if (!variants.isEmpty()) {
                Edit variant = variants.get((int) Math.floorMod(seed / candidates.size(), variants.size()));
                return new Edit(Edit.MODEL, base.plan() + "; variant: " + variant.plan(), variant.spec());
            }
        }
        Drafts.Draft base = candidates.get(first);
        return new Edit(Edit.MODEL, base.plan(), base.spec());
    }

    /** The edits whose pipeline is new; all of them when none is. */
    private static List<Edit> withoutExisting(List<Edit> edits, Set<PipelineSpec> existing) {
        List<Edit> fresh = edits.stream().filter(e -> !existing.contains(e.spec())).toList();
        return fresh.isEmpty() ? edits : fresh;
    }

    /** A uniform choice that the seed fixes, so the same request picks the same option. */
    static <T> T uniform(List<T> options, long seed) {
        return options.get(new SplittableRandom(seed).nextInt(options.size()));
    }

    /**
     * Data family and model: what makes two drafts different pipelines rather than two tunings. A model
     * stacking other models' out-of-fold predictions is a different pipeline from the same model on raw features.
     */
    static String signature(PipelineSpec spec) {
        return spec.data().id() + "|" + spec.model().id() + (spec.has("feature.text_stack") ? "|stacked" : "");
    }

    static Optional<PipelineSpec> specOf(NodeContext node) {
        if (node == null || node.spec() == null || node.spec().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PipelineSpec.fromJson(node.spec()));
        } catch (CoderException e) {
            return Optional.empty(); // a node written by another coder: nothing to read
        }
    }

    /**
     * One atomic change. Modules take turns along a branch (features, model, training,
     * hyperparameters); within the module, the edits bringing in what the retrieval ranked for this
     * task come first (see {@link Guidance#order}), and the seed picks one of the first two. Edits that
     * did not help this branch (worse, or better by less than {@link Evolution#LEAST_GAIN}) are not repeated, with
     * other numbers either. Without knowledge, a uniform
     * seeded choice among all applicable edits.
     * Either way an edit that would rewrite a pipeline in {@code existing} is left out while another remains:
     * running the same code twice spends a node to learn nothing.
     */
    static Edit improve(PipelineSpec spec, TaskProfile task, List<NodeContext> trajectory, Set<PipelineSpec> existing,
                        long seed, Guidance knowledge) {
        List<Edit> applicable = Improvements.candidates(spec, task);
        if (applicable.isEmpty()) {
            throw new CoderException("no improvement applies to this pipeline (" + spec.model().id() + "); draft a new one");
        }
        List<Edit> edits = withoutExisting(applicable, existing);
        if (!knowledge.on()) {
            return uniform(edits, seed);
        }
        Set<String> missed = Evolution.missedPlans(trajectory, task.lowerIsBetter());
        List<Edit> fresh = edits.stream().filter(e -> !Evolution.repeatsAMiss(missed, e)).toList();
        List<Edit> pool = fresh.isEmpty() ? edits : fresh;
        List<String> modules = List.of(Edit.FEATURES, Edit.MODEL, Edit.TRAINING, Edit.HYPERPARAMETERS);
        int start = (int) Math.floorMod(seed + trajectory.size(), modules.size());
        for (int i = 0; i < modules.size(); i++) {
            String module = modules.get((start + i) % modules.size());
            List<Edit> inModule = knowledge.order(pool.stream().filter(e -> e.module().equals(module)).toList(), spec);
            if (!inModule.isEmpty()) {
                return inModule.get((int) Math.floorMod(seed / modules.size(), Math.min(2, inModule.size())));
            }
        }
        return pool.get(0);
    }
}
