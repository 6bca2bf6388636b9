package ai.automlgen.planner.coder.knowledge;

import ai.automlgen.events.PreparedInputs;
import ai.automlgen.events.TaskInfo;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the coder needs to know about a task to choose components, read from {@link TaskInfo} and
 * the prepared input roles (never from the task's name): the problem shape and which kinds of
 * inputs exist. Column-level structure (text, categories, structured ids) is detected by the
 * generated script at run time; once a script has run, its log says how many categorical columns
 * it found and which feature blocks would build nothing from the table ({@link #seenIn}), so later edits need not
 * encode categories a table does not have, nor split strings it does not hold.
 *
 * @param categoricalColumns the categorical columns a parent's script found, or -1 before any script ran
 * @param emptyFeatures      feature blocks a parent's script found nothing to build from (empty before any script ran)
 */
public record TaskProfile(String modality, String taskType, String metric, boolean lowerIsBetter, int classes,
                          int trainRows, boolean imageFolders, boolean targetImages, boolean rowGeometry, boolean text,
                          int categoricalColumns, Set<String> emptyFeatures) {
    /** The line a table script logs after detecting column kinds (see coder/data/tabular_frame.py). */
    private static final Pattern CATEGORICAL_COLUMNS = Pattern.compile("\\]\\s+(\\d+) categorical columns");
    /** The line a table script logs when some feature blocks have nothing to work on (blocks_without_input). */
    private static final Pattern EMPTY_FEATURES = Pattern.compile("feature blocks with nothing to build on this table: ([\\w., ]+)");

    public TaskProfile {
        emptyFeatures = Set.copyOf(emptyFeatures);
    }

    public static TaskProfile of(TaskInfo task, PreparedInputs inputs) {
        Map<String, String> roles = inputs == null ? Map.of() : inputs.files();
        String modality = lower(task.modality(), "tabular");
        String taskType = lower(task.taskType(), "regression");
        String about = (String.valueOf(task.notes()) + " " + String.valueOf(task.description()) + " " + task.files()).toLowerCase(Locale.ROOT);
        boolean imageFolders = roles.keySet().stream().anyMatch(r -> r.contains("image"))
                || task.files().values().stream().anyMatch(f -> f.endsWith(".zip")) && about.contains("image");
        int classes = switch (taskType) {
            case "binary" -> 2;
            case "multiclass" -> Math.max(3, task.submissionColumns().size());
            default -> 0;
        };
        // the task's own notes (not the competition prose, which mentions "text" in passing) say whether rows hold free text
        String notes = String.valueOf(task.notes()).toLowerCase(Locale.ROOT);
        boolean text = modality.equals("text") || notes.matches("(?s).*\\btext\\b.*") && !modality.equals("image");
        return new TaskProfile(modality, taskType, lower(task.metric(), "rmse"), task.lowerIsBetter(), classes,
                inputs == null ? 0 : inputs.trainRows(), imageFolders || roles.containsKey("images"),
                roles.containsKey("train_targets") || taskType.equals("image_to_image"),
                about.contains(".xyz") || about.contains("geometry"), text, -1, Set.of());
    }

    /** This profile with what a parent's run logged about the table; unchanged when the log does not say (or is cut off). */
    public TaskProfile seenIn(String log) {
        if (log == null) {
            return this;
        }
        Matcher categorical = CATEGORICAL_COLUMNS.matcher(log);
        Matcher empty = EMPTY_FEATURES.matcher(log);
        int categoricalSeen = categorical.find() ? Integer.parseInt(categorical.group(1)) : categoricalColumns;
        Set<String> emptySeen = empty.find() ? Arrays.stream(empty.group(1).split(",")).map(String::strip)
                .filter(id -> !id.isEmpty()).collect(Collectors.toSet()) : emptyFeatures;
        return new TaskProfile(modality, taskType, metric, lowerIsBetter, classes, trainRows, imageFolders, targetImages,
                rowGeometry, text, categoricalSeen, emptySeen);
    }

    /** A script ran on this table and found nothing for this feature block to build from. */
    public boolean buildsNothing(String featureId) {
        return emptyFeatures.contains(featureId);
    }

    /** A script ran on this table and found no categorical column: nothing to encode. */
    public boolean noCategoricalColumns() {
        return categoricalColumns == 0;
    }

    private static String lower(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.toLowerCase(Locale.ROOT);
    }

    public boolean classification() {
        return taskType.equals("binary") || taskType.equals("multiclass");
    }

    public boolean regression() {
        return !classification() && !taskType.equals("span_extraction") && !taskType.equals("image_to_image");
    }

    public boolean pairs() {
        return taskType.equals("similarity_regression");
    }

    public boolean logErrorMetric() {
        return metric.contains("rmsle");
    }

    public boolean hardLabels() {
        return metric.equals("accuracy") || metric.startsWith("f1");
    }

    /** Many classes make one-tree-per-class boosting slow and data per class thin: linear models first. */
    public boolean manyClasses() {
        return classes >= 20;
    }
}
