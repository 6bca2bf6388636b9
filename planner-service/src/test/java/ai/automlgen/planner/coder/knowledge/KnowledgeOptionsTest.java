package ai.automlgen.planner.coder.knowledge;

import ai.automlgen.events.PreparedInputs;
import ai.automlgen.events.TaskInfo;
import ai.automlgen.planner.coder.CodeRequest;
import ai.automlgen.planner.coder.CodeResult;
import ai.automlgen.planner.coder.CoderException;
import ai.automlgen.planner.coder.NodeContext;
import ai.automlgen.planner.coder.Operator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ablation switches {@code coder.knowledge} and {@code coder.operators}, as spec choices (no Python). */
class KnowledgeOptionsTest {
    private static final TaskInfo TABULAR = new TaskInfo("ships", "tabular", "binary", "accuracy", false, "PassengerId",
            List.of("Transported"), List.of("Transported"), Map.of("train", "train.csv"), "Predict who was transported.", "");
    private static final PreparedInputs INPUTS = new PreparedInputs("/runs/r/input", Map.of("train", "train.csv", "valid", "valid.csv",
            "test", "test.csv", "sample_submission", "sample_submission.csv", "valid_sample_submission", "valid_sample_submission.csv"),
            6000, 1500, 900);
    private static final Map<String, String> KNOWLEDGE_OFF = Map.of("coder.knowledge", "off");
    private static final Map<String, String> COARSE = Map.of("coder.operators", "coarse");
    private static final int SEEDS = 40;
    private final KnowledgeCoder coder = new KnowledgeCoder();

    private CodeResult write(Operator operator, NodeContext parent, List<NodeContext> trajectory, List<String> knowledge, long seed,
                             Map<String, String> params) {
        return coder.write(new CodeRequest(operator, TABULAR, INPUTS, parent, List.of(), List.of(), trajectory, knowledge, seed, params));
    }

    private NodeContext firstDraft() {
        CodeResult draft = write(Operator.DRAFT, null, List.of(), List.of(), 1, null);
        return new NodeContext("d", "draft", draft.code(), draft.spec(), draft.plan(), 0.8, false, "");
    }

    private static PipelineSpec spec(CodeResult result) {
        return PipelineSpec.fromJson(result.spec());
    }

    private static Set<String> draftSpecs() {
        return Drafts.candidates(TaskProfile.of(TABULAR, INPUTS)).stream().map(d -> d.spec().toJson()).collect(Collectors.toSet());
    }

    @Test
    void theDefaultsAreTheKnowledgeGuidedFineOperators() {
        NodeContext parent = firstDraft();
        Map<String, String> explicit = Map.of("coder.knowledge", "on", "coder.operators", "fine", "search.drafts", "3");
        for (Operator operator : List.of(Operator.DRAFT, Operator.IMPROVE, Operator.EVOLUTION)) {
            NodeContext from = operator == Operator.DRAFT ? null : parent;
            List<NodeContext> path = from == null ? List.of() : List.of(parent);
            assertEquals(write(operator, from, path, List.of("model.xgboost"), 5, null),
                    write(operator, from, path, List.of("model.xgboost"), 5, explicit), operator.wireName());
        }
        assertEquals(KnowledgeOptions.DEFAULTS, KnowledgeOptions.from(Map.of("search.top-k", "2")), "other namespaces are not the coder's");
    }

    @Test
    void anUnknownCoderKeyOrValueIsRefusedWithWhatIsAllowed() {
        CoderException key = assertThrows(CoderException.class,
                () -> write(Operator.DRAFT, null, List.of(), List.of(), 1, Map.of("coder.knowlege", "off")));
        assertTrue(key.getMessage().contains("'coder.knowlege'") && key.getMessage().contains("coder.knowledge=on|off")
                && key.getMessage().contains("coder.operators=fine|coarse"), key.getMessage());
        CoderException value = assertThrows(CoderException.class, () -> coder.check(Map.of("coder.operators", "medium")));
        assertTrue(value.getMessage().contains("coder.operators=medium") && value.getMessage().contains("fine, coarse"), value.getMessage());
    }

    @Test
    void withoutKnowledgeDraftsAreAUniformSeededChoiceAmongTheSameTemplates() {
        Set<String> withKnowledge = new HashSet<>();
        Set<String> without = new HashSet<>();
        for (long seed = 0; seed < SEEDS; seed++) {
            withKnowledge.add(spec(write(Operator.DRAFT, null, List.of(), List.of("model.random_forest"), seed, null)).model().id());
            CodeResult draft = write(Operator.DRAFT, null, List.of(), List.of("model.random_forest"), seed, KNOWLEDGE_OFF);
            assertTrue(draftSpecs().contains(draft.spec()), "one of the templates: " + draft.plan());
            without.add(spec(draft).model().id());
        }
        assertEquals(Set.of("model.random_forest"), withKnowledge, "knowledge follows the retrieval ranking");
        assertTrue(without.size() >= 4, "uniform over the templates, retrieval ignored: " + without);
        assertEquals(write(Operator.DRAFT, null, List.of(), List.of(), 11, KNOWLEDGE_OFF),
                write(Operator.DRAFT, null, List.of(), List.of(), 11, KNOWLEDGE_OFF), "still deterministic given the seed");
    }

    @Test
    void withoutKnowledgeImproveChoosesUniformlyAmongApplicableEdits() {
        NodeContext parent = firstDraft();
        Set<String> applicable = Improvements.candidates(PipelineSpec.fromJson(parent.spec()), TaskProfile.of(TABULAR, INPUTS)).stream()
                .map(e -> "improve: " + e.plan()).collect(Collectors.toSet());
        Set<String> withKnowledge = new HashSet<>();
        Set<String> without = new HashSet<>();
        for (long seed = 0; seed < SEEDS; seed++) {
            withKnowledge.add(write(Operator.IMPROVE, parent, List.of(parent), List.of(), seed, null).plan());
            without.add(write(Operator.IMPROVE, parent, List.of(parent), List.of(), seed, KNOWLEDGE_OFF).plan());
        }
        assertTrue(applicable.containsAll(without), without.toString());
        assertTrue(withKnowledge.size() <= 8, "at most two favoured edits per module: " + withKnowledge);
        assertTrue(without.size() > withKnowledge.size(), "uniform reaches edits the ranking never picks: " + without);
    }

    @Test
    void improveTriesTheEditsTheRetrievalRankedForTheTaskFirst() {
        NodeContext parent = firstDraft();
        String retrieved = "improve: pseudo-label the 30% most confident unlabelled rows and refit";
        assertTrue(Improvements.candidates(PipelineSpec.fromJson(parent.spec()), TaskProfile.of(TABULAR, INPUTS)).stream()
                .anyMatch(e -> ("improve: " + e.plan()).equals(retrieved)), () -> "the edit applies to the draft: "
                + Improvements.candidates(PipelineSpec.fromJson(parent.spec()), TaskProfile.of(TABULAR, INPUTS)));
        List<String> knowledge = List.of("metric.accuracy", "pitfall.leakage", "strategy.pseudo_labelling");
        Set<String> unguided = new HashSet<>();
        Set<String> guided = new HashSet<>();
        for (long seed = 0; seed < SEEDS; seed++) {
            unguided.add(write(Operator.IMPROVE, parent, List.of(parent), List.of(), seed, null).plan());
            guided.add(write(Operator.IMPROVE, parent, List.of(parent), knowledge, seed, null).plan());
            assertEquals(write(Operator.IMPROVE, parent, List.of(parent), List.of(), seed, KNOWLEDGE_OFF),
                    write(Operator.IMPROVE, parent, List.of(parent), knowledge, seed, KNOWLEDGE_OFF), "knowledge off ignores retrieval");
        }
        assertFalse(unguided.contains(retrieved), "the hand order alone never reaches it: " + unguided);
        assertTrue(guided.contains(retrieved), "retrieved for the task, it comes first in its module: " + guided);
        assertTrue(guided.size() <= 8, "still at most two edits per module: " + guided);
    }

    @Test
    void coarseOperatorsRewriteTheWholePipelineInsteadOfEditingOneModule() {
        NodeContext parent = firstDraft();
        String parentSignature = KnowledgeCoder.signature(PipelineSpec.fromJson(parent.spec()));
        NodeContext buggy = new NodeContext("b", "improve", parent.code(), parent.spec(), parent.plan(), null, true,
                "Traceback (most recent call last):\nValueError: Input X contains NaN.");
        for (long seed = 0; seed < 6; seed++) {
            for (Operator operator : List.of(Operator.IMPROVE, Operator.EVOLUTION, Operator.DEBUG)) {
                NodeContext from = operator == Operator.DEBUG ? buggy : parent;
                CodeResult coarse = write(operator, from, List.of(parent), List.of(), seed, COARSE);
                assertTrue(coarse.plan().startsWith(operator.wireName() + ": rewrite the whole pipeline → "), coarse.plan());
                assertTrue(draftSpecs().contains(coarse.spec()), "a draft-level pipeline: " + coarse.plan());
                assertNotEquals(parentSignature, KnowledgeCoder.signature(spec(coarse)), "a different pipeline than the parent's");
                CodeResult fine = write(operator, from, List.of(parent), List.of(), seed, null);
                assertFalse(fine.plan().contains("rewrite the whole pipeline"), fine.plan());
            }
        }
        CodeResult debugged = write(Operator.DEBUG, buggy, List.of(parent), List.of(), 1, null);
        assertTrue(debugged.plan().startsWith("debug: pitfall.missing_values_in_estimator"), "fine debug maps the pitfall: " + debugged.plan());
    }

    @Test
    void coarseRewritesVaryWithTheSeedAndDraftsAreUnaffected() {
        NodeContext parent = firstDraft();
        Set<String> rewrites = new HashSet<>();
        for (long seed = 0; seed < SEEDS; seed++) {
            rewrites.add(spec(write(Operator.IMPROVE, parent, List.of(parent), List.of(), seed, COARSE)).model().id());
        }
        assertTrue(rewrites.size() >= 2, "sibling rewrites differ: " + rewrites);
        assertEquals(write(Operator.DRAFT, null, List.of(), List.of(), 3, null), write(Operator.DRAFT, null, List.of(), List.of(), 3, COARSE));
    }

    @Test
    void coarseRewritesNeverRepeatAPipelineTheRunAlreadyHas() {
        NodeContext parent = firstDraft();
        List<NodeContext> siblings = new ArrayList<>();
        Set<String> existing = new HashSet<>();
        for (Drafts.Draft draft : Drafts.candidates(TaskProfile.of(TABULAR, INPUTS))) {
            siblings.add(new NodeContext("d" + siblings.size(), "draft", "", draft.spec().toJson(), draft.plan(), 0.8, false, ""));
            existing.add(draft.spec().toJson());
        }
        // every draft family is in the run: each rewrite must be a variant that does not exist yet, and joins the siblings
        for (long seed = 0; seed < 12; seed++) {
            CodeResult coarse = coder.write(new CodeRequest(Operator.IMPROVE, TABULAR, INPUTS, parent, siblings, List.of(),
                    List.of(parent), List.of(), seed, COARSE));
            assertTrue(coarse.plan().contains("; variant: "), coarse.plan());
            assertTrue(existing.add(coarse.spec()), "seed " + seed + " repeated a pipeline: " + coarse.plan());
            siblings.add(new NodeContext("c" + seed, "improve", "", coarse.spec(), coarse.plan(), 0.8, false, ""));
        }
    }
}
