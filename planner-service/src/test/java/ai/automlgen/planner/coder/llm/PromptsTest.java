package ai.automlgen.planner.coder.llm;

import ai.automlgen.events.Resources;
import ai.automlgen.planner.coder.CodeRequest;
import ai.automlgen.planner.coder.ExecutionLimits;
import ai.automlgen.planner.coder.CoderException;
import ai.automlgen.planner.coder.NodeContext;
import ai.automlgen.planner.coder.Operator;
import ai.automlgen.planner.knowledge.KnowledgeEntity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PromptsTest {
    private static final KnowledgeEntity CATBOOST = new KnowledgeEntity("model.catboost", "model", "CatBoost",
            "Gradient boosting with native categorical handling.", "many categorical columns", "", "", "", List.of());

    private static final int MAX_PROMPT_CHARS = 60_000;

    @Test
    void everyOperatorHasATemplateWithOnlyKnownPlaceholders() {
        for (Operator operator : Operator.values()) {
            Prompts.Prompt prompt = prompt(Requests.onParent(operator, Requests.PARENT), List.of(CATBOOST));
            assertFalse(prompt.user().contains("{{"), operator + ": " + prompt.user());
        }
    }

    @Test
    void aDraftNamesTheMetricDirectionInputsKnowledgeAndTheSiblingsToDifferFrom() {
        NodeContext sibling = new NodeContext("n1", "draft", "x = 1", null, "draft: logistic regression", 0.77, false, "");

        String user = prompt(Requests.draft(List.of(sibling), List.of()), List.of(CATBOOST)).user();

        assertTrue(user.contains("- metric: accuracy (higher is better)"), user);
        assertTrue(user.contains("- valid_sample_submission: input/valid_sample_submission.csv"), user);
        assertTrue(user.contains("### CatBoost (model)\nGradient boosting with native categorical handling.\n"
                + "When to use: many categorical columns"), user);
        assertTrue(user.contains("- draft: logistic regression → score 0.77"), user);
        assertTrue(user.contains("Give the complete script in one ```python block."), user);
    }

    @Test
    void aKnowledgeTemplateComesWithItsPlaceholdersSetToTheDefaultsAndTheRangesListed() {
        KnowledgeEntity xgboost = new KnowledgeEntity("model.xgboost", "model", "XGBoost", "Gradient boosting.", "", "",
                "model = XGBClassifier(max_depth={{max_depth}}, tree_method={{ tree_method }})", "",
                List.of(new KnowledgeEntity.Hyperparameter("max_depth", "6", "int, 3 to 10"),
                        new KnowledgeEntity.Hyperparameter("tree_method", "'hist'", "one of hist, approx")));

        String user = prompt(Requests.draft(List.of(), List.of()), List.of(xgboost)).user();

        assertTrue(user.contains("```python\nmodel = XGBClassifier(max_depth=6, tree_method='hist')\n```\n"
                + "Hyperparameters (set to their defaults above; tune within the range): max_depth = 6 (int, 3 to 10); "
                + "tree_method = 'hist' (one of hist, approx)"), user);
    }

    @Test
    void anImproveShowsTheParentsCodeScoreAndOutputAndAsksForOneChangeAsPatches() {
        String user = prompt(Requests.onParent(Operator.IMPROVE, Requests.PARENT), List.of()).user();

        assertTrue(user.contains("ONE atomic change in ONE module"), user);
        assertTrue(user.contains("## Current pipeline (node n3, score 0.79)\nPlan: draft: xgboost on the raw columns\n"
                + "```python\n" + Requests.PARENT_CODE.strip() + "\n```"), user);
        assertTrue(user.contains("### Its output (last lines)\n```\nvalidation accuracy 0.79\n```"), user);
        assertTrue(user.contains("<<<<<<< SEARCH"), user);
    }

    @Test
    void aDebugShowsTheTracebacksEndWhenTheOutputIsLong() {
        String traceback = "x".repeat(Prompts.MAX_OUTPUT_TAIL) + "\nKeyError: 'Cabin'";
        NodeContext failed = new NodeContext("n4", "improve", "import pandas", null, "improve: cabin split", null, true, traceback);

        String user = prompt(Requests.onParent(Operator.DEBUG, failed), List.of()).user();

        assertTrue(user.contains("(node n4, failed)"), user);
        assertTrue(user.contains("[cut …]\n"), user);
        assertTrue(user.contains("KeyError: 'Cabin'\n```"), user);
    }

    @Test
    void aLongParentScriptKeepsItsStartAndEndAroundAMarker() {
        String code = "import pandas as pd\n" + "x = 1\n".repeat(5000) + "pd.DataFrame().to_csv('output/submission.csv')";
        NodeContext parent = new NodeContext("n3", "draft", code, null, "draft", 0.5, false, null);

        String user = prompt(Requests.onParent(Operator.IMPROVE, parent), List.of()).user();

        assertTrue(user.contains("```python\nimport pandas as pd\n"), user);
        assertTrue(user.contains(" characters cut …]\n"), user);
        assertTrue(user.contains("pd.DataFrame().to_csv('output/submission.csv')\n```"), user);
        assertTrue(user.length() < Prompts.MAX_CODE + 5000, "length " + user.length());
    }

    @Test
    void anAggregationOfFiveLongScriptsStaysUnderThePromptTotal() {
        List<NodeContext> references = java.util.stream.IntStream.rangeClosed(1, 5)
                .mapToObj(i -> new NodeContext("n" + i, "improve", "import numpy\n" + "y = 2\n".repeat(4000) + "end" + i,
                        null, "plan " + i, 0.5, false, null)).toList();
        CodeRequest aggregation = new CodeRequest(Operator.AGGREGATION, Requests.TASK, Requests.INPUTS, null, null,
                references, null, null, 1, null);

        Prompts.Prompt prompt = prompt(aggregation, List.of(CATBOOST));

        assertTrue(prompt.system().length() + prompt.user().length() <= MAX_PROMPT_CHARS,
                "length " + (prompt.system().length() + prompt.user().length()));
        for (int i = 1; i <= 5; i++) {
            assertTrue(prompt.user().contains("end" + i + "\n```"), "reference " + i + " keeps its end");
        }
    }

    @Test
    void theTaskSectionGivesTheNodesTimeLimitAndResources() {
        CodeRequest request = new CodeRequest(Operator.DRAFT, Requests.TASK, Requests.INPUTS, null, null, null, null, null,
                1, null, new ExecutionLimits(Duration.ofMinutes(9), new Resources(2, 6144, 1)));

        String user = prompt(request, List.of()).user();

        assertTrue(user.contains("\n- limits when it runs: 540 s (AUTOMLGEN_TIME_LIMIT), 2 CPU core(s) (AUTOMLGEN_CPUS), "
                + "6144 MB of memory, 1 GPU(s) (AUTOMLGEN_GPUS)"), user);
    }

    @Test
    void theSystemPromptSaysAutomlgenGpusIsTheNumberOfVisibleGpusAsTheContractDoes() {
        String system = prompt(Requests.draft(List.of(), List.of()), List.of()).system().replaceAll("\\s+", " ");

        assertTrue(system.contains("the number of visible GPUs as AUTOMLGEN_GPUS (CUDA_VISIBLE_DEVICES set to match)"), system);
        assertTrue(system.contains("(CPU only when AUTOMLGEN_GPUS is 0)"), system);
    }

    @Test
    void codeWithDoubleBracesIsInsertedAsItIs() {
        NodeContext parent = new NodeContext("n3", "draft", "print(f\"{{task}} {x}\")", null, "draft", 0.5, false, null);

        String user = prompt(Requests.onParent(Operator.IMPROVE, parent), List.of()).user();

        assertTrue(user.contains("print(f\"{{task}} {x}\")"), user);
    }

    @Test
    void anOperatorOnAParentWithoutOneIsRefusedClearly() {
        CoderException e = assertThrows(CoderException.class,
                () -> prompt(Requests.onParent(Operator.IMPROVE, null), List.of()));

        assertEquals("this operator needs a parent node; none was given", e.getMessage());
    }

    @Test
    void theRewriteFollowUpNamesWhatDidNotApply() {
        assertEquals("Your change could not be applied: SEARCH/REPLACE block 1 of 1 does not match.\n"
                + "Give the complete new script, with the change you planned, in one ```python block.",
                Prompts.rewrite("SEARCH/REPLACE block 1 of 1 does not match"));
    }

    private static Prompts.Prompt prompt(CodeRequest request, List<KnowledgeEntity> knowledge) {
        return Prompts.of(request, knowledge, MAX_PROMPT_CHARS);
    }
}
