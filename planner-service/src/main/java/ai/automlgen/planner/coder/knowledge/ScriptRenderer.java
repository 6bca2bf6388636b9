package ai.automlgen.planner.coder.knowledge;

import ai.automlgen.events.PreparedInputs;
import ai.automlgen.events.TaskInfo;
import ai.automlgen.planner.coder.CoderException;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders a {@link PipelineSpec} into one self-contained Python script: the shared helpers, the
 * task's constants, the spec as Python values, the template of every component that has one
 * ({@code coder/<kind>/<name>.py}, after the shared code it names on {@code # requires:} lines) and finally the data
 * template that runs the pipeline.
 */
public final class ScriptRenderer {

    public String render(PipelineSpec spec, TaskInfo task, PreparedInputs inputs, String plan) {
        String data = Template.of(spec.data()).orElseThrow(() -> new CoderException(
                "no template for " + spec.data().id() + "; the knowledge coder supports "
                        + "data.tabular_frame, data.image_folder, data.image_pairs and data.span_text"));
        Set<String> included = new LinkedHashSet<>();
        StringBuilder components = new StringBuilder();
        for (Component component : spec.components()) {
            if (component.kind().equals("data") || !included.add(component.id())) {
                continue;
            }
            Template.of(component).ifPresent(text -> {
                for (String support : Template.requirements(text)) {
                    if (included.add(support)) {
                        section(components, support, Template.load(support));
                    }
                }
                section(components, component.id(), text);
            });
        }
        for (Component model : spec.models()) {
            if (Template.of(model).isEmpty()) {
                throw new CoderException("the knowledge coder has no template for " + model.id()
                        + "; choose one of the models under resources/coder/model/");
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", (task.name() == null ? "task" : task.name()) + " — " + spec.model().id());
        values.put("plan", plan.replace("\"\"\"", "'''"));
        values.put("outline", outline(spec).replace("\"\"\"", "'''"));
        values.put("common", Template.load("common.py").strip());
        values.put("task", taskConstants(spec, task, inputs));
        values.put("pipeline", pipelineConstants(spec));
        values.put("components", components.toString().stripTrailing() + "\n");
        values.put("data", data.strip() + "\n");
        return Template.fill(Template.load("script.py"), values);
    }

    private static void section(StringBuilder script, String name, String text) {
        script.append("# ---- ").append(name).append(' ').append("-".repeat(Math.max(4, 92 - name.length())))
                .append("\n\n").append(text.strip()).append("\n\n\n");
    }

    static String outline(PipelineSpec spec) {
        return spec.components().stream()
                .map(c -> "  - " + c.id() + (c.params().isEmpty() ? "" : " " + PythonLiteral.of(c.params())))
                .collect(Collectors.joining("\n")) + (spec.refit() ? "\n  - strategy.refit_full_data" : "");
    }

    private static String taskConstants(PipelineSpec spec, TaskInfo task, PreparedInputs inputs) {
        Map<String, String> roles = new LinkedHashMap<>(inputs == null ? Map.of() : inputs.files());
        return String.join("\n",
                "ROLES = " + PythonLiteral.of(roles),
                "TASK_NAME = " + PythonLiteral.of(task.name()),
                "TASK_TYPE = " + PythonLiteral.of(task.taskType()),
                "METRIC = " + PythonLiteral.of(task.metric()),
                "LOWER_IS_BETTER = " + PythonLiteral.of(task.lowerIsBetter()),
                "ID_COLUMN = " + PythonLiteral.of(task.idColumn()),
                "LABEL_COLUMNS = " + PythonLiteral.of(task.labelColumns()),
                "SUBMISSION_COLUMNS = " + PythonLiteral.of(task.submissionColumns()));
    }

    private static String pipelineConstants(PipelineSpec spec) {
        return String.join("\n",
                "DATA = " + PythonLiteral.component(spec.data()),
                "PREPROCESSING = " + PythonLiteral.components(spec.preprocessing()),
                "FEATURES = " + PythonLiteral.components(spec.features()),
                "MODEL = " + PythonLiteral.component(spec.model()),
                "VALIDATION = " + PythonLiteral.component(spec.validation()),
                "TRAINING = " + PythonLiteral.components(spec.training()),
                "ENSEMBLE = " + PythonLiteral.components(spec.ensemble()),
                "BLEND = " + PythonLiteral.component(spec.blend()),
                "POSTPROCESSING = " + PythonLiteral.components(spec.postprocessing()),
                "REFIT = " + PythonLiteral.of(spec.refit()));
    }
}
