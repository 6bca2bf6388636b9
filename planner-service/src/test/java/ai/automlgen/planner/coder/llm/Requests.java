package ai.automlgen.planner.coder.llm;

import ai.automlgen.events.PreparedInputs;
import ai.automlgen.events.TaskInfo;
import ai.automlgen.planner.coder.CodeRequest;
import ai.automlgen.planner.coder.NodeContext;
import ai.automlgen.planner.coder.Operator;

import java.util.List;
import java.util.Map;

/** Requests the llm coder's tests share: a small binary task and a scored parent pipeline. */
final class Requests {
    static final TaskInfo TASK = new TaskInfo("spaceship-titanic", "tabular", "binary", "accuracy", false, "PassengerId",
            List.of("Transported"), List.of("Transported"), Map.of(), "Predict which passengers were transported.", null);
    static final PreparedInputs INPUTS = new PreparedInputs("/runs/r1/input", Map.of("train", "train.csv", "valid", "valid.csv",
            "test", "test.csv", "sample_submission", "sample_submission.csv",
            "valid_sample_submission", "valid_sample_submission.csv"), 6000, 1500, 4277);
    static final String PARENT_CODE = """
            import pandas as pd
            from xgboost import XGBClassifier
            model = XGBClassifier(max_depth=4)
            """;
    static final NodeContext PARENT = new NodeContext("n3", "draft", PARENT_CODE, null, "draft: xgboost on the raw columns",
            0.79, false, "validation accuracy 0.79");

    private Requests() {
    }

    static CodeRequest draft(List<NodeContext> siblings, List<String> knowledge) {
        return new CodeRequest(Operator.DRAFT, TASK, INPUTS, null, siblings, null, null, knowledge, 1, null);
    }

    static CodeRequest onParent(Operator operator, NodeContext parent) {
        return new CodeRequest(operator, TASK, INPUTS, parent, null, List.of(PARENT), List.of(PARENT), null, 1, null);
    }
}
