package ai.automlgen.planner.coder.builtin;

import ai.automlgen.events.EventJson;
import ai.automlgen.events.TaskInfo;
import ai.automlgen.planner.coder.CodeRequest;
import ai.automlgen.planner.coder.CodeResult;
import ai.automlgen.planner.coder.Coder;
import ai.automlgen.planner.coder.CoderException;
import ai.automlgen.planner.coder.Operator;
import ai.automlgen.planner.coder.Templates;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The minimal coder: one gradient-boosted-trees pipeline over a task's tabular columns
 * (resources/builtin/tabular_pipeline.py). Drafts and refits only; the search's richer operators
 * need the knowledge or llm coder.
 */
@ApplicationScoped
public class BuiltinCoder implements Coder {
    public static final String NAME = "builtin";
    private static final String TEMPLATE = Templates.read("builtin/tabular_pipeline.py");
    private static final Set<String> TASK_TYPES = Set.of("binary", "multiclass", "regression",
            "multi_target_regression", "similarity_regression");
    /** Metrics scored on probabilities rather than labels. */
    private static final Set<String> PROBABILITY_METRICS = Set.of("roc_auc", "log_loss", "binary_log_loss",
            "multi_class_log_loss", "roc_auc_ovr", "mean_columnwise_roc_auc");
    /** Metrics on log errors: the model is fitted on log1p of the target. */
    private static final Set<String> LOG_METRICS = Set.of("rmsle", "mean_columnwise_rmsle");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CodeResult write(CodeRequest request) {
        TaskInfo task = request.task();
        if (!TASK_TYPES.contains(task.taskType())) {
            throw new CoderException("the builtin coder writes tabular pipelines only; task type '" + task.taskType()
                    + "' needs --coder knowledge");
        }
        if (request.operator() != Operator.DRAFT && request.operator() != Operator.REFIT) {
            throw new CoderException("the builtin coder only drafts; operator " + request.operator().wireName()
                    + " needs --coder knowledge");
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("files", request.inputs().files());
        settings.put("id_column", task.idColumn());
        settings.put("label_columns", task.labelColumns());
        settings.put("submission_columns", task.submissionColumns());
        settings.put("task_type", task.taskType());
        settings.put("probabilities", PROBABILITY_METRICS.contains(task.metric()));
        settings.put("log_target", LOG_METRICS.contains(task.metric()));
        String code = TEMPLATE.replace("__TASK_JSON__", EventJson.write(settings));
        return new CodeResult(code, "draft: histogram gradient boosting on the tabular columns", null);
    }
}
