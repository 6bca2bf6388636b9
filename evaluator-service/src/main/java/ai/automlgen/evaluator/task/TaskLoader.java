package ai.automlgen.evaluator.task;

import ai.automlgen.evaluator.data.Csv;
import ai.automlgen.evaluator.data.JsonRecords;
import ai.automlgen.evaluator.metrics.Metric;
import ai.automlgen.evaluator.metrics.Metrics;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a task folder (task.yaml, description.md, public/): parses task.yaml, infers every omitted
 * field from the sample submission and the training file, and validates the result, collecting every
 * problem rather than stopping at the first.
 */
public final class TaskLoader {
    static final String YAML = "task.yaml";
    private static final ObjectMapper YAML_MAPPER = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TASK_TYPES = Set.of("binary", "multiclass", "multilabel", "regression",
            "multi_target_regression", "similarity_regression", "span_extraction", "image_to_image");
    private static final Set<String> MODALITIES = Set.of("tabular", "text", "image", "mixed");
    /** A label with at most this many distinct values is read as classes when task_type is inferred. */
    private static final int MAX_INFERRED_CLASSES = 50;

    private TaskLoader() {
    }

    public static TaskInspection load(Path taskDir) {
        return new Reading(taskDir.toAbsolutePath().normalize()).read();
    }

    /** The state of reading one folder: what was found, inferred and wrong so far. */
    private static final class Reading {
        private final Path dir;
        private final Path publicDir;
        private final List<String> inferred = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private Map<String, Object> yaml = Map.of();

        Reading(Path dir) {
            this.dir = dir;
            this.publicDir = dir.resolve("public");
        }

        TaskInspection read() {
            if (!Files.isDirectory(dir)) {
                problems.add(dir + ": taskDir: not a folder; pass the task folder that holds task.yaml and public/");
                return done(null);
            }
            if (!readYaml()) {
                return done(null);
            }
            if (!Files.isDirectory(publicDir)) {
                problems.add("public/: files: folder not found in " + dir + "; put the train, test and sample submission files there");
                return done(null);
            }
            String name = text("name").orElseGet(() -> infer("name", dir.getFileName().toString(), "the folder name"));
            String title = text("title").orElse(name);
            Map<String, String> files = files();

            String metricName = text("metric").orElse(null);
            Metric metric = null;
            if (metricName == null) {
                problems.add(YAML + ": metric: missing; name the task's metric, one of " + String.join(", ", Metrics.names()));
            } else {
                metric = Metrics.find(metricName).orElse(null);
                if (metric == null) {
                    problems.add(YAML + ": metric: unknown metric '" + metricName + "'; use one of " + String.join(", ", Metrics.names()));
                }
            }
            Boolean lower = bool("lower_is_better");
            if (lower == null && metric != null) {
                lower = metric.lowerIsBetter();
                inferred.add("lower_is_better = " + lower + " (" + metricName + " is " + direction(lower) + ")");
            } else if (lower != null && metric != null && lower != metric.lowerIsBetter() && !Files.isRegularFile(dir.resolve(TaskSpec.GRADE_SCRIPT))) {
                // a task that scores with its own grade.py names a metric for the format checks only; its script sets the direction
                problems.add(YAML + ": lower_is_better: " + lower + ", but " + metricName + " is " + direction(metric.lowerIsBetter())
                        + "; set lower_is_better: " + metric.lowerIsBetter() + " or leave it out");
            }

            List<String> sampleHeader = header(files, TaskSpec.SAMPLE_SUBMISSION);
            List<String> trainHeader = header(files, TaskSpec.TRAIN);
            List<String> testHeader = header(files, TaskSpec.TEST);
            String sampleName = files.getOrDefault(TaskSpec.SAMPLE_SUBMISSION, "sample_submission.csv");
            String trainName = files.getOrDefault(TaskSpec.TRAIN, "train");

            String idColumn = text("id_column").orElse(null);
            if (idColumn == null && !sampleHeader.isEmpty()) {
                idColumn = infer("id_column", sampleHeader.get(0), "first column of " + sampleName);
            }
            List<String> submissionColumns = strings("submission_columns");
            if (submissionColumns == null && !sampleHeader.isEmpty()) {
                List<String> rest = new ArrayList<>(sampleHeader);
                rest.remove(idColumn);
                submissionColumns = rest;
                inferred.add("submission_columns = " + rest + " (columns of " + sampleName + " other than the id)");
            }
            submissionColumns = submissionColumns == null ? List.of() : submissionColumns;
            List<String> labelColumns = strings("label_columns");
            if (labelColumns == null && trainHeader != null && !trainHeader.isEmpty()) {
                labelColumns = inferLabels(trainHeader, testHeader, submissionColumns, trainName);
            }
            labelColumns = labelColumns == null ? List.of() : labelColumns;

            String groupColumn = text("group_column").orElse(null);
            checkColumns(files, sampleHeader, trainHeader, idColumn, submissionColumns, labelColumns, groupColumn);
            checkClassColumns(files, trainHeader, submissionColumns, labelColumns);

            String taskType = text("task_type").orElse(null);
            if (taskType == null) {
                taskType = inferTaskType(files, labelColumns, submissionColumns, trainHeader);
                if (taskType == null && problems.isEmpty()) {
                    problems.add(YAML + ": task_type: missing and cannot be inferred; set task_type (" + String.join(", ", sorted(TASK_TYPES)) + ")");
                }
            } else if (!TASK_TYPES.contains(taskType)) {
                problems.add(YAML + ": task_type: unknown task type '" + taskType + "'; use one of " + String.join(", ", sorted(TASK_TYPES)));
            }
            String modality = text("modality").orElse(null);
            if (modality == null) {
                boolean images = files.values().stream().anyMatch(f -> {
                    DataFormat format = DataFormat.of(publicDir.resolve(f));
                    return format == DataFormat.IMAGE_FOLDER || format == DataFormat.IMAGE_ZIP;
                });
                modality = infer("modality", images ? "image" : "tabular", images ? "the data are image files" : "the data are tables");
            } else if (!MODALITIES.contains(modality)) {
                problems.add(YAML + ": modality: unknown modality '" + modality + "'; use one of " + String.join(", ", sorted(MODALITIES)));
            }
            if ("image_to_image".equals(taskType) && !files.containsKey(TaskSpec.TRAIN_TARGETS) && files.containsKey(TaskSpec.TRAIN)) {
                inferTargets(files);
            }
            String notes = text("notes").orElse("");
            MatchRule match = match(notes);
            String description = description();
            if (!problems.isEmpty() || metric == null || idColumn == null || taskType == null) {
                return done(null);
            }
            return done(new TaskSpec(dir, name, title, modality, taskType, metricName, lower, idColumn, labelColumns,
                    submissionColumns, files, groupColumn, match, notes, description));
        }

        private TaskInspection done(TaskSpec spec) {
            return new TaskInspection(Optional.ofNullable(spec), inferred, problems);
        }

        private boolean readYaml() {
            Path file = dir.resolve(YAML);
            if (!Files.isRegularFile(file)) {
                inferred.add("task.yaml not found: every field below is inferred from public/");
                return true;
            }
            try {
                Object parsed = YAML_MAPPER.readValue(file.toFile(), Object.class);
                if (parsed == null) {
                    return true;
                }
                if (!(parsed instanceof Map<?, ?> map)) {
                    problems.add(YAML + ": (file): expected a mapping of fields (name: ..., metric: ...), found a " + parsed.getClass().getSimpleName());
                    return false;
                }
                Map<String, Object> fields = new LinkedHashMap<>();
                map.forEach((k, v) -> fields.put(String.valueOf(k), v));
                yaml = fields;
                return true;
            } catch (IOException e) {
                problems.add(YAML + ": (file): cannot parse: " + e.getMessage().lines().findFirst().orElse(""));
                return false;
            }
        }

        private Map<String, String> files() {
            Map<String, String> files = new LinkedHashMap<>();
            Object declared = yaml.get("files");
            if (declared instanceof Map<?, ?> map) {
                map.forEach((k, v) -> files.put(String.valueOf(k), String.valueOf(v)));
            } else if (declared != null) {
                problems.add(YAML + ": files: expected a mapping such as {train: train.csv, test: test.csv, sample_submission: sample_submission.csv}");
            }
            for (var entry : files.entrySet()) {
                if (!Files.exists(publicDir.resolve(entry.getValue()))) {
                    problems.add(YAML + ": files." + entry.getKey() + ": public/" + entry.getValue() + " not found; fix the name or add the file");
                }
            }
            inferFile(files, TaskSpec.TRAIN, List.of("train.csv", "train.csv.gz", "train.json", "train"));
            inferFile(files, TaskSpec.TEST, List.of("test.csv", "test.csv.gz", "test.json", "test", "test.zip"));
            if (!files.containsKey(TaskSpec.SAMPLE_SUBMISSION)) {
                try (Stream<Path> listing = Files.list(publicDir)) {
                    listing.map(p -> p.getFileName().toString())
                            .filter(n -> n.toLowerCase(Locale.ROOT).startsWith("sample") && Csv.isCsv(Path.of(n)))
                            .sorted().findFirst()
                            .ifPresentOrElse(n -> files.put(TaskSpec.SAMPLE_SUBMISSION, infer("files.sample_submission", n, "the sample*.csv file in public/")),
                                    () -> problems.add(YAML + ": files.sample_submission: missing and no public/sample*.csv found; add the sample submission"));
                } catch (IOException e) {
                    problems.add("public/: files: cannot list: " + e.getMessage());
                }
            }
            return files;
        }

        private void inferFile(Map<String, String> files, String role, List<String> candidates) {
            if (files.containsKey(role)) {
                return;
            }
            candidates.stream().filter(c -> Files.exists(publicDir.resolve(c))).findFirst().ifPresentOrElse(
                    c -> files.put(role, infer("files." + role, c, "found in public/")),
                    () -> problems.add(YAML + ": files." + role + ": missing and none of " + candidates + " is in public/; name the " + role + " file"));
        }

        /** The column (or field) names of a role's file; null for image data, empty when unreadable. */
        private List<String> header(Map<String, String> files, String role) {
            String name = files.get(role);
            if (name == null || !Files.exists(publicDir.resolve(name))) {
                return List.of();
            }
            Path file = publicDir.resolve(name);
            try {
                return switch (DataFormat.of(file)) {
                    case CSV -> Csv.header(file);
                    case JSON -> JsonRecords.fields(JsonRecords.read(file));
                    case IMAGE_FOLDER, IMAGE_ZIP -> null;
                };
            } catch (IOException | RuntimeException e) {
                problems.add("public/" + name + ": files." + role + ": cannot read: " + e.getMessage());
                return List.of();
            }
        }

        private List<String> inferLabels(List<String> trainHeader, List<String> testHeader, List<String> submissionColumns, String trainName) {
            List<String> inTrain = submissionColumns.stream().filter(trainHeader::contains).toList();
            if (!inTrain.isEmpty()) {
                inferred.add("label_columns = " + inTrain + " (submission columns present in " + trainName + ")");
                return inTrain;
            }
            if (testHeader != null && !testHeader.isEmpty()) {
                List<String> onlyInTrain = trainHeader.stream().filter(c -> !testHeader.contains(c)).toList();
                if (onlyInTrain.size() == 1) {
                    inferred.add("label_columns = " + onlyInTrain + " (the only column of " + trainName + " missing from the test file)");
                    return onlyInTrain;
                }
            }
            problems.add(YAML + ": label_columns: missing and cannot be inferred from " + trainName + "; name the label column(s)");
            return List.of();
        }

        private void checkColumns(Map<String, String> files, List<String> sampleHeader, List<String> trainHeader, String idColumn,
                                  List<String> submissionColumns, List<String> labelColumns, String groupColumn) {
            String sample = "public/" + files.getOrDefault(TaskSpec.SAMPLE_SUBMISSION, "sample_submission.csv");
            String train = "public/" + files.getOrDefault(TaskSpec.TRAIN, "train");
            if (!sampleHeader.isEmpty()) {
                if (idColumn != null && !sampleHeader.contains(idColumn)) {
                    problems.add(YAML + ": id_column: column '" + idColumn + "' not in " + sample + " (columns: " + String.join(", ", sampleHeader) + ")");
                }
                for (String c : submissionColumns) {
                    if (!sampleHeader.contains(c)) {
                        problems.add(YAML + ": submission_columns: column '" + c + "' not in " + sample + " (columns: " + String.join(", ", sampleHeader) + ")");
                    }
                }
            }
            if (trainHeader == null || trainHeader.isEmpty()) {
                return;
            }
            if (idColumn != null && !trainHeader.contains(idColumn)) {
                problems.add(YAML + ": id_column: column '" + idColumn + "' not in " + train + "; the split needs an id per training row");
            }
            for (String c : labelColumns) {
                if (!trainHeader.contains(c)) {
                    problems.add(YAML + ": label_columns: column '" + c + "' not in " + train + " (columns: " + abbreviate(trainHeader) + ")");
                }
            }
            if (groupColumn != null && !trainHeader.contains(groupColumn)) {
                problems.add(YAML + ": group_column: column '" + groupColumn + "' not in " + train);
            }
            for (String c : submissionColumns) {
                boolean label = labelColumns.contains(c);
                boolean classOfLabel = labelColumns.size() == 1 && !trainHeader.contains(c);
                if (!label && !classOfLabel && !trainHeader.contains(c)) {
                    problems.add(YAML + ": submission_columns: column '" + c + "' is neither a label column, a class of the label, nor a column of " + train);
                }
            }
        }

        /**
         * Submission columns that are neither labels nor train columns are classes of the one label: the
         * split's truth for such a column is 1 where the label equals its name. A label value that names no
         * column (labels 1, 2 against Class_1, Class_2) would give all-zero truth rows, so it is a problem.
         */
        private void checkClassColumns(Map<String, String> files, List<String> trainHeader, List<String> submissionColumns,
                                       List<String> labelColumns) {
            if (trainHeader == null || labelColumns.size() != 1 || !trainHeader.contains(labelColumns.get(0))) {
                return;
            }
            List<String> classColumns = submissionColumns.stream().filter(c -> !labelColumns.contains(c) && !trainHeader.contains(c)).toList();
            if (classColumns.isEmpty()) {
                return;
            }
            String label = labelColumns.get(0);
            String train = "public/" + files.get(TaskSpec.TRAIN);
            Set<String> unmatched = new LinkedHashSet<>();
            try {
                for (String value : labelValues(publicDir.resolve(files.get(TaskSpec.TRAIN)), label)) {
                    if (!classColumns.contains(value)) {
                        unmatched.add(value);
                    }
                }
            } catch (IOException | RuntimeException e) {
                problems.add(train + ": label_columns: cannot read: " + e.getMessage());
                return;
            }
            if (!unmatched.isEmpty()) {
                problems.add(YAML + ": submission_columns: " + unmatched.size() + " value(s) of " + label + " in " + train
                        + " match no submission column, e.g. " + String.join(", ", unmatched.stream().limit(3).map(v -> "'" + v + "'").toList())
                        + "; each class is scored in the column named exactly like it (columns: " + abbreviate(classColumns)
                        + "), so rename the sample submission's columns or the labels to match");
            }
        }

        private String inferTaskType(Map<String, String> files, List<String> labels, List<String> submissionColumns, List<String> trainHeader) {
            if (trainHeader == null) {
                return infer("task_type", "image_to_image", "the training data is a folder of images");
            }
            if (labels.isEmpty() || !trainHeader.containsAll(labels)) {
                return null;
            }
            if (labels.size() > 1) {
                return infer("task_type", "multi_target_regression", "several label columns");
            }
            if (submissionColumns.size() > 1 && submissionColumns.stream().noneMatch(trainHeader::contains)) {
                return infer("task_type", "multiclass", "one probability column per class of " + labels.get(0));
            }
            Set<String> distinct = new HashSet<>();
            boolean numeric = true;
            Path train = publicDir.resolve(files.get(TaskSpec.TRAIN));
            try {
                for (String value : labelValues(train, labels.get(0))) {
                    distinct.add(value);
                    numeric &= isNumber(value);
                }
            } catch (IOException | RuntimeException e) {
                problems.add("public/" + files.get(TaskSpec.TRAIN) + ": label_columns: cannot read: " + e.getMessage());
                return null;
            }
            String why = distinct.size() + " distinct values of " + labels.get(0);
            if (distinct.size() == 2) {
                return infer("task_type", "binary", why);
            }
            if (numeric && distinct.size() > MAX_INFERRED_CLASSES) {
                return infer("task_type", "regression", why + ", all numbers");
            }
            if (distinct.size() <= MAX_INFERRED_CLASSES) {
                return infer("task_type", "multiclass", why);
            }
            problems.add(YAML + ": task_type: missing and " + why + " fit no task type; set task_type");
            return null;
        }

        private void inferTargets(Map<String, String> files) {
            Path train = publicDir.resolve(files.get(TaskSpec.TRAIN));
            Set<String> trainNames = names(train);
            try (Stream<Path> listing = Files.list(publicDir)) {
                listing.filter(Files::isDirectory).filter(d -> !d.equals(train))
                        .filter(d -> !trainNames.isEmpty() && names(d).equals(trainNames))
                        .findFirst().ifPresentOrElse(
                                d -> files.put(TaskSpec.TRAIN_TARGETS, infer("files.train_targets", d.getFileName() + "/",
                                        "the folder next to " + train.getFileName() + "/ with the same file names")),
                                () -> problems.add(YAML + ": files.train_targets: missing, and no folder in public/ has the same file names as "
                                        + train.getFileName() + "/; name the folder of target images"));
            } catch (IOException e) {
                problems.add("public/: files: cannot list: " + e.getMessage());
            }
        }

        private MatchRule match(String notes) {
            Optional<String> declared = text("match");
            if (declared.isPresent()) {
                try {
                    return MatchRule.valueOf(declared.get().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(YAML + ": match: unknown rule '" + declared.get() + "'; use id or position");
                    return MatchRule.ID;
                }
            }
            if (notes.toLowerCase(Locale.ROOT).contains("by position")) {
                inferred.add("match = position (the notes say rows are compared by position)");
                return MatchRule.POSITION;
            }
            return MatchRule.ID;
        }

        private String description() {
            Path file = dir.resolve("description.md");
            try {
                return Files.isRegularFile(file) ? Files.readString(file) : "";
            } catch (IOException e) {
                problems.add("description.md: description: cannot read: " + e.getMessage());
                return "";
            }
        }

        private static String direction(boolean lowerIsBetter) {
            return lowerIsBetter ? "an error: lower is better" : "a score: higher is better";
        }

        private String infer(String field, String value, String why) {
            inferred.add(field + " = " + value + " (" + why + ")");
            return value;
        }

        private Optional<String> text(String key) {
            Object value = yaml.get(key);
            if (value == null) {
                return Optional.empty();
            }
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
                problems.add(YAML + ": " + key + ": expected a single value, found " + value);
                return Optional.empty();
            }
            String s = String.valueOf(value).strip();
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        }

        private Boolean bool(String key) {
            Object value = yaml.get(key);
            if (value == null || value instanceof Boolean) {
                return (Boolean) value;
            }
            problems.add(YAML + ": " + key + ": expected true or false, found '" + value + "'");
            return null;
        }

        private List<String> strings(String key) {
            Object value = yaml.get(key);
            if (value == null) {
                return null;
            }
            if (value instanceof List<?> list) {
                return list.stream().map(String::valueOf).toList();
            }
            return List.of(String.valueOf(value));
        }
    }

    /** Every value of one label column (CSV) or field (JSON) of the training file. */
    static List<String> labelValues(Path train, String label) throws IOException {
        List<String> values = new ArrayList<>();
        if (DataFormat.of(train) == DataFormat.JSON) {
            for (ObjectNode record : JsonRecords.read(train)) {
                values.add(JsonRecords.text(record, label));
            }
            return values;
        }
        try (CSVParser parser = Csv.open(train)) {
            for (CSVRecord row : parser) {
                values.add(row.get(label));
            }
        }
        return values;
    }

    private static Set<String> names(Path folder) {
        try (Stream<Path> listing = Files.list(folder)) {
            Set<String> names = new LinkedHashSet<>();
            listing.forEach(p -> names.add(p.getFileName().toString()));
            return names;
        } catch (IOException e) {
            return Set.of();
        }
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    private static String abbreviate(List<String> columns) {
        return columns.size() <= 12 ? String.join(", ", columns) : String.join(", ", columns.subList(0, 12)) + ", … (" + columns.size() + " in all)";
    }
}
