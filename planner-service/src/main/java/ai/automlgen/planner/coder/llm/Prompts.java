package ai.automlgen.planner.coder.llm;

import ai.automlgen.events.PreparedInputs;
import ai.automlgen.events.Resources;
import ai.automlgen.events.TaskInfo;
import ai.automlgen.planner.coder.CodeRequest;
import ai.automlgen.planner.coder.CoderException;
import ai.automlgen.planner.coder.ExecutionLimits;
import ai.automlgen.planner.coder.NodeContext;
import ai.automlgen.planner.coder.Operator;
import ai.automlgen.planner.coder.Templates;
import ai.automlgen.planner.knowledge.KnowledgeEntity;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The llm coder's prompts, one template per operator (resources/llm/*.txt), filled from the request without I/O.
 * Long texts are cut to what a prompt can afford, with a visible marker: the task description and knowledge
 * templates keep their start, an output tail its end (the traceback's end), a script its start and end (imports and
 * data loading, predicting and writing the outputs); the reference scripts of fusion and aggregation share what the
 * rest of the prompt leaves of the total.
 */
public final class Prompts {
    static final int MAX_DESCRIPTION = 6000;
    static final int MAX_OUTPUT_TAIL = 3000;
    static final int MAX_KNOWLEDGE_TEMPLATE = 1500;
    static final int MAX_CODE = 12_000;
    /** A reference script is cut to no less than this, even where the total would ask for less. */
    static final int MIN_REFERENCE_CODE = 2000;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
    /** A knowledge template's placeholder, as the knowledge service reads it. */
    private static final Pattern KNOWLEDGE_PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
    private static final String SYSTEM = Templates.read("llm/system.txt");
    private static final String EDIT_FORMAT = Templates.read("llm/edit-format.txt").strip();
    private static final String FULL_FORMAT = Templates.read("llm/full-format.txt").strip();
    private static final String REWRITE = Templates.read("llm/rewrite.txt");
    private static final Map<Operator, String> TEMPLATES = new EnumMap<>(Operator.class);

    static {
        for (Operator operator : Operator.values()) {
            TEMPLATES.put(operator, Templates.read("llm/" + operator.wireName() + ".txt"));
        }
    }

    private Prompts() {
    }

    /** The system and user message for one operator application. */
    public record Prompt(String system, String user) {
    }

    /** Operators that change an existing script, and so may answer with SEARCH/REPLACE blocks against it. */
    public static boolean editsParent(Operator operator) {
        return operator != Operator.DRAFT && operator != Operator.AGGREGATION;
    }

    /**
     * @param knowledge      the retrieved entities, best first (already cut to what the prompt should carry)
     * @param maxPromptChars what the system and user message should stay under together: the reference scripts get
     *                       what the rest leaves, each at most {@link #MAX_CODE}
     */
    public static Prompt of(CodeRequest request, List<KnowledgeEntity> knowledge, int maxPromptChars) {
        String template = TEMPLATES.get(request.operator());
        String system = SYSTEM.strip();
        String rest = fill(template, key -> key.equals("references") ? "" : section(request, knowledge, key));
        int share = request.references().isEmpty() ? 0
                : (maxPromptChars - system.length() - rest.length()) / request.references().size();
        String user = fill(template, key -> key.equals("references") ? references(request.references(), share)
                : section(request, knowledge, key));
        return new Prompt(system, user.strip());
    }

    private static String section(CodeRequest request, List<KnowledgeEntity> knowledge, String key) {
        return switch (key) {
            case "task" -> request.limits() == null ? task(request.task())
                    : task(request.task()) + "\n" + limits(request.limits());
            case "inputs" -> inputs(request.inputs());
            case "knowledge" -> knowledge(knowledge);
            case "siblings" -> siblings(request.siblings());
            case "parent" -> parent(request.parent());
            case "trajectory" -> trajectory(request.trajectory());
            case "format" -> editsParent(request.operator()) ? EDIT_FORMAT : FULL_FORMAT;
            default -> throw new IllegalStateException("llm/" + request.operator().wireName()
                    + ".txt has an unknown placeholder {{" + key + "}}");
        };
    }

    /** The follow-up asking for the complete script after SEARCH/REPLACE blocks did not apply. */
    public static String rewrite(String failure) {
        return fill(REWRITE, key -> failure).strip();
    }

    /** Replaces each {{name}} once; values are not searched for placeholders (code may well contain "{{"). */
    private static String fill(String template, Function<String, String> value) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(value.apply(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static String task(TaskInfo task) {
        StringBuilder out = new StringBuilder("## Task: ").append(task.name()).append('\n')
                .append("- modality: ").append(task.modality()).append(", task type: ").append(task.taskType()).append('\n')
                .append("- metric: ").append(task.metric()).append(" (").append(task.lowerIsBetter() ? "lower" : "higher")
                .append(" is better)\n")
                .append("- id column: ").append(task.idColumn()).append('\n')
                .append("- label columns: ").append(String.join(", ", task.labelColumns())).append('\n')
                .append("- submission columns: ").append(String.join(", ", task.submissionColumns())).append('\n');
        if (task.notes() != null && !task.notes().isBlank()) {
            out.append("- notes: ").append(task.notes().strip()).append('\n');
        }
        if (task.description() != null && !task.description().isBlank()) {
            out.append("\n### Description\n").append(head(task.description().strip(), MAX_DESCRIPTION)).append('\n');
        }
        return out.toString().strip();
    }

    static String limits(ExecutionLimits limits) {
        Resources r = limits.resources();
        return String.format(Locale.ROOT, "- limits when it runs: %d s (AUTOMLGEN_TIME_LIMIT), %d CPU core(s) "
                + "(AUTOMLGEN_CPUS), %d MB of memory, %d GPU(s) (AUTOMLGEN_GPUS)", limits.timeLimit().toSeconds(),
                r.cpus(), r.memoryMb(), r.gpus());
    }

    static String inputs(PreparedInputs inputs) {
        String files = new TreeMap<>(inputs.files()).entrySet().stream()
                .map(e -> "- " + e.getKey() + ": input/" + e.getValue())
                .collect(Collectors.joining("\n"));
        return "## Input files (by role)\n" + files + String.format(Locale.ROOT, "%n(rows: %d train, %d valid, %d test)",
                inputs.trainRows(), inputs.validRows(), inputs.testRows());
    }

    static String knowledge(List<KnowledgeEntity> entities) {
        if (entities.isEmpty()) {
            return "## Knowledge\n(none retrieved for this step)";
        }
        StringBuilder out = new StringBuilder("## Knowledge retrieved for this step, most relevant first");
        for (KnowledgeEntity e : entities) {
            out.append("\n\n### ").append(e.title()).append(" (").append(e.kind()).append(")\n").append(e.summary().strip());
            appendIf(out, "When to use: ", e.whenToUse());
            appendIf(out, "When to avoid: ", e.whenToAvoid());
            appendIf(out, "Fix: ", e.fix());
            if (!e.template().isBlank()) {
                out.append("\n```python\n").append(head(withDefaults(e).strip(), MAX_KNOWLEDGE_TEMPLATE)).append("\n```");
            }
            if (!e.hyperparameters().isEmpty()) {
                out.append("\nHyperparameters (set to their defaults above; tune within the range): ")
                        .append(e.hyperparameters().stream().map(h -> h.name() + " = " + h.defaultValue()
                                + (h.range().isEmpty() ? "" : " (" + h.range() + ")")).collect(Collectors.joining("; ")));
            }
        }
        return out.toString();
    }

    /** The entity's template with each {@code {{name}}} set to that hyperparameter's default, as the knowledge coder renders it. */
    private static String withDefaults(KnowledgeEntity entity) {
        Map<String, String> defaults = entity.hyperparameters().stream()
                .collect(Collectors.toMap(KnowledgeEntity.Hyperparameter::name, KnowledgeEntity.Hyperparameter::defaultValue,
                        (first, second) -> first));
        Matcher matcher = KNOWLEDGE_PLACEHOLDER.matcher(entity.template());
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(defaults.getOrDefault(matcher.group(1), matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static String siblings(List<NodeContext> siblings) {
        if (siblings.isEmpty()) {
            return "(none yet)";
        }
        return siblings.stream().map(n -> "- " + n.plan() + " → " + outcome(n)).collect(Collectors.joining("\n"));
    }

    static String parent(NodeContext parent) {
        if (parent == null) {
            throw new CoderException("this operator needs a parent node; none was given");
        }
        StringBuilder out = new StringBuilder("## Current pipeline (node ").append(parent.nodeId()).append(", ")
                .append(outcome(parent)).append(")\nPlan: ").append(parent.plan()).append("\n```python\n")
                .append(middle(parent.code().strip(), MAX_CODE)).append("\n```");
        if (parent.outputTail() != null && !parent.outputTail().isBlank()) {
            out.append("\n\n### Its output (last lines)\n```\n").append(tail(parent.outputTail().strip(), MAX_OUTPUT_TAIL))
                    .append("\n```");
        }
        return out.toString();
    }

    static String trajectory(List<NodeContext> trajectory) {
        if (trajectory.isEmpty()) {
            return "(the current pipeline is the branch's first)";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < trajectory.size(); i++) {
            NodeContext n = trajectory.get(i);
            out.append(i + 1).append(". ").append(n.operator()).append(": ").append(n.plan()).append(" → ")
                    .append(outcome(n)).append('\n');
        }
        return out.toString().strip();
    }

    /** @param share the characters each reference may take, header included */
    static String references(List<NodeContext> references, int share) {
        if (references.isEmpty()) {
            throw new CoderException("this operator needs reference nodes from other branches; none were given");
        }
        return references.stream().map(n -> {
            String header = "## Pipeline " + n.nodeId() + " (" + outcome(n) + ")\nPlan: " + n.plan() + "\n```python\n";
            // the closing fence and the blank line before the next reference take 6 characters
            int maxCode = Math.max(MIN_REFERENCE_CODE, Math.min(MAX_CODE, share - header.length() - 6));
            return header + middle(n.code().strip(), maxCode) + "\n```";
        }).collect(Collectors.joining("\n\n"));
    }

    private static String outcome(NodeContext node) {
        return node.buggy() ? "failed" : node.score() == null ? "not scored yet" : "score " + node.score();
    }

    private static void appendIf(StringBuilder out, String label, String text) {
        if (text != null && !text.isBlank()) {
            out.append('\n').append(label).append(text.strip());
        }
    }

    private static String head(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "\n[… cut]";
    }

    /** The start and the end of a script, the middle replaced by a comment saying how much is left out. */
    private static String middle(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String marker = "\n# [… " + text.length() + " characters cut …]\n"; // as long as the final one, or longer
        int half = Math.max(0, max - marker.length()) / 2;
        return text.substring(0, half) + "\n# [… " + (text.length() - 2 * half) + " characters cut …]\n"
                + text.substring(text.length() - half);
    }

    private static String tail(String text, int max) {
        return text.length() <= max ? text : "[cut …]\n" + text.substring(text.length() - max);
    }
}
