package ai.automlgen.evaluator.grading;

import ai.automlgen.evaluator.data.Csv;
import ai.automlgen.evaluator.metrics.Metric;
import ai.automlgen.evaluator.task.MatchRule;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a submission file against the rows it must answer and scores it. Every problem a
 * submission can have (unreadable file, columns, row count, missing / unexpected / duplicated ids,
 * row order, non-numbers, NaN or infinity, probabilities outside [0, 1], negative values for log errors) becomes one precise message;
 * a submission with any problem is invalid and gets no score. Never throws for a bad submission:
 * an IOException means the answers themselves could not be read.
 */
public final class Grader {
    /** How many example ids or cells a message quotes. */
    private static final int EXAMPLES = 3;
    private static final Set<String> NAN_SPELLINGS = Set.of("nan", "-nan", "+nan");

    private Grader() {
    }

    /** Scores {@code submission} against the answers in {@code answers} (a CSV with the id and scored columns). */
    public static GradeResult grade(Path submission, SubmissionShape shape, Path answers) throws IOException {
        if (!Files.isRegularFile(submission)) {
            return notFound(submission);
        }
        return grade(submission, shape, AnswerKeys.get(answers, shape.idColumn(), shape.scored(), shape.metric().input()));
    }

    /** Checks only the format of {@code submission} against its sample: valid or not, no score. */
    public static GradeResult check(Path submission, SubmissionShape shape, Path sample) throws IOException {
        if (!Files.isRegularFile(submission)) {
            return notFound(submission);
        }
        return grade(submission, shape, AnswerKeys.get(sample, shape.idColumn(), List.of(), null));
    }

    static GradeResult grade(Path submission, SubmissionShape shape, AnswerKey key) {
        String name = submission.getFileName().toString();
        if (!Files.isRegularFile(submission)) {
            return notFound(submission);
        }
        try {
            return new Reading(name, shape, key).read(submission);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            return GradeResult.invalid(List.of(name + ": cannot read as CSV: " + e.getMessage()));
        }
    }

    private static GradeResult notFound(Path submission) {
        return GradeResult.invalid(List.of(submission.getFileName() + ": file not found; the code must write it to its output folder"));
    }

    /** One pass over a submission, comparing ids in step with the answers while they agree. */
    private static final class Reading {
        private final String name;
        private final SubmissionShape shape;
        private final AnswerKey key;
        private final boolean numeric;
        private final List<String> problems = new ArrayList<>();
        private final CellIssues[] notNumbers;
        private final CellIssues[] notFinite;
        private final CellIssues[] outOfRange;
        private final NumberColumn[] numbers;
        private final List<List<String>> labels = new ArrayList<>();
        private final CellIssues ragged = new CellIssues();
        /** Submission ids, kept only once they stop matching the answers row for row. */
        private IdColumn ownIds;
        private int rows;

        Reading(String name, SubmissionShape shape, AnswerKey key) {
            this.name = name;
            this.shape = shape;
            this.key = key;
            this.numeric = shape.metric().input() != Metric.Input.LABELS;
            int columns = shape.scored().size();
            notNumbers = new CellIssues[columns];
            notFinite = new CellIssues[columns];
            outOfRange = new CellIssues[columns];
            numbers = new NumberColumn[columns];
            for (int c = 0; c < columns; c++) {
                notNumbers[c] = new CellIssues();
                notFinite[c] = new CellIssues();
                outOfRange[c] = new CellIssues();
                numbers[c] = numeric && key.hasTruth() ? new NumberColumn(key.ids.size()) : null;
                labels.add(new ArrayList<>());
            }
        }

        GradeResult read(Path submission) throws IOException {
            try (CSVParser parser = Csv.open(submission)) {
                if (!checkHeader(parser.getHeaderNames())) {
                    return GradeResult.invalid(problems);
                }
                int expectedFields = parser.getHeaderNames().size();
                for (CSVRecord row : parser) {
                    long line = parser.getCurrentLineNumber();
                    if (row.size() != expectedFields) {
                        ragged.add(line, row.size() + " fields");
                        continue;
                    }
                    readRow(row, line);
                }
            }
            return finish();
        }

        private boolean checkHeader(List<String> header) {
            List<String> missing = shape.columns().stream().filter(c -> !header.contains(c)).toList();
            List<String> extra = header.stream().filter(c -> !shape.columns().contains(c)).toList();
            if (!missing.isEmpty()) {
                problems.add(name + ": missing column(s) " + String.join(", ", missing) + "; expected exactly " + String.join(", ", shape.columns()));
            }
            if (!extra.isEmpty()) {
                String hint = extra.contains("") || extra.contains("Unnamed: 0") ? " (an index column: write the CSV with index=False)" : "";
                problems.add(name + ": unexpected column(s) " + String.join(", ", extra.stream().map(c -> "'" + c + "'").toList())
                        + hint + "; expected exactly " + String.join(", ", shape.columns()));
            }
            List<String> duplicated = header.stream().filter(c -> header.indexOf(c) != header.lastIndexOf(c)).distinct().toList();
            if (!duplicated.isEmpty()) {
                problems.add(name + ": column(s) repeated in the header: " + String.join(", ", duplicated));
            }
            return missing.isEmpty() && duplicated.isEmpty();
        }

        private void readRow(CSVRecord row, long line) {
            String id = row.get(shape.idColumn());
            boolean inStep = ownIds == null && rows < key.ids.size() && key.ids.equalsAt(rows, id.getBytes(StandardCharsets.UTF_8));
            if (!inStep) {
                if (ownIds == null) {
                    ownIds = copyOfKeyIds(rows);
                }
                ownIds.add(id);
            }
            for (int c = 0; c < numbers.length; c++) {
                String cell = row.get(shape.scored().get(c));
                if (!numeric) {
                    labels.get(c).add(cell);
                    continue;
                }
                double value = parse(cell);
                if (Double.isNaN(value) && !NAN_SPELLINGS.contains(cell.strip().toLowerCase(Locale.ROOT))) {
                    notNumbers[c].add(line, "'" + cell + "'");
                } else if (!Double.isFinite(value)) {
                    notFinite[c].add(line, cell.strip());
                } else if (!inRange(value)) {
                    outOfRange[c].add(line, cell.strip());
                }
                if (numbers[c] != null) {
                    numbers[c].add(value);
                }
            }
            rows++;
        }

        private boolean inRange(double value) {
            return switch (shape.metric().input()) {
                case PROBABILITIES -> value >= 0 && value <= 1;
                case NON_NEGATIVE -> value >= 0;
                case NUMBERS, LABELS -> true;
            };
        }

        private IdColumn copyOfKeyIds(int count) {
            IdColumn copy = new IdColumn();
            for (int i = 0; i < count; i++) {
                copy.add(key.ids.get(i));
            }
            return copy;
        }

        private GradeResult finish() {
            if (ragged.count > 0) {
                problems.add(name + ": " + ragged.count + " row(s) do not have one field per column, e.g. " + ragged.examples());
            }
            int expected = key.ids.size();
            if (ownIds == null && rows < expected) {
                ownIds = copyOfKeyIds(rows);
            }
            if (rows != expected) {
                problems.add(name + ": " + rows + " rows, expected " + expected + " (one per id of the sample submission)");
            }
            int[] keyOrder = null;
            int[] ownOrder = null;
            if (ownIds != null) {
                keyOrder = key.ids.sortedOrder();
                ownOrder = ownIds.sortedOrder();
                boolean sameIds = compareIds(keyOrder, ownOrder);
                if (sameIds && shape.match() == MatchRule.POSITION) {
                    int first = firstOutOfOrder();
                    problems.add(name + ": rows are not in the sample submission's order (line " + (first + 2) + " has id "
                            + ownIds.get(first) + ", expected " + key.ids.get(first) + "); rows are scored by position, so keep that order");
                }
            }
            for (int c = 0; c < numbers.length; c++) {
                String column = shape.scored().get(c);
                report(notNumbers[c], column, "value(s) are not numbers");
                report(notFinite[c], column, "value(s) are NaN or infinite");
                report(outOfRange[c], column, shape.metric().input() == Metric.Input.PROBABILITIES ? "probabilit(ies) outside [0, 1]"
                        : "negative value(s), which " + shape.metric().name() + " cannot score (it takes log(1 + x)); clip the predictions at 0");
            }
            if (!problems.isEmpty()) {
                return GradeResult.invalid(problems);
            }
            if (!key.hasTruth()) {
                return new GradeResult(null, true, List.of());
            }
            return new GradeResult(score(keyOrder, ownOrder), true, List.of());
        }

        private void report(CellIssues issues, String column, String what) {
            if (issues.count > 0) {
                problems.add(name + ": column " + column + ": " + issues.count + " " + what + ", e.g. " + issues.examples());
            }
        }

        /** Walks both id lists in sorted order; reports missing, unexpected and duplicated ids. True when they hold the same ids. */
        private boolean compareIds(int[] keyOrder, int[] ownOrder) {
            Examples missing = new Examples();
            Examples unexpected = new Examples();
            Examples duplicated = new Examples();
            int a = 0;
            int b = 0;
            while (a < keyOrder.length || b < ownOrder.length) {
                int cmp = a == keyOrder.length ? 1 : b == ownOrder.length ? -1 : key.ids.compare(keyOrder[a], ownIds, ownOrder[b]);
                int a0 = a;
                int b0 = b;
                if (cmp <= 0) {
                    while (a < keyOrder.length && key.ids.compare(keyOrder[a], key.ids, keyOrder[a0]) == 0) {
                        a++;
                    }
                }
                if (cmp >= 0) {
                    while (b < ownOrder.length && ownIds.compare(ownOrder[b], ownIds, ownOrder[b0]) == 0) {
                        b++;
                    }
                }
                int expectedCount = a - a0;
                int actualCount = b - b0;
                if (actualCount == 0) {
                    missing.add(key.ids.get(keyOrder[a0]), expectedCount);
                } else if (expectedCount == 0) {
                    unexpected.add(ownIds.get(ownOrder[b0]), actualCount);
                } else if (actualCount > expectedCount) {
                    duplicated.add(ownIds.get(ownOrder[b0]), actualCount - expectedCount);
                } else if (actualCount < expectedCount) {
                    missing.add(key.ids.get(keyOrder[a0]), expectedCount - actualCount);
                }
            }
            String idColumn = shape.idColumn();
            if (missing.count > 0) {
                problems.add(name + ": " + missing.count + " ids missing, e.g. " + missing.list() + " (column " + idColumn + ")");
            }
            if (unexpected.count > 0) {
                problems.add(name + ": " + unexpected.count + " ids not in the sample submission, e.g. " + unexpected.list() + " (column " + idColumn + ")");
            }
            if (duplicated.count > 0) {
                problems.add(name + ": " + duplicated.count + " ids duplicated, e.g. " + duplicated.list() + " (column " + idColumn + ")");
            }
            return missing.count == 0 && unexpected.count == 0 && duplicated.count == 0;
        }

        private int firstOutOfOrder() {
            for (int i = 0; i < rows; i++) {
                if (key.ids.compare(i, ownIds, i) != 0) {
                    return i;
                }
            }
            return 0;
        }

        /** Pairs submission rows with answer rows (in step, or by sorted id) and applies the metric. */
        private double score(int[] keyOrder, int[] ownOrder) {
            int n = key.ids.size();
            if (numeric) {
                double[][] predicted = new double[numbers.length][];
                for (int c = 0; c < numbers.length; c++) {
                    double[] values = numbers[c].toArray();
                    numbers[c] = null;
                    if (keyOrder != null) {
                        double[] aligned = new double[n];
                        for (int k = 0; k < n; k++) {
                            aligned[keyOrder[k]] = values[ownOrder[k]];
                        }
                        values = aligned;
                    }
                    predicted[c] = values;
                }
                return shape.metric().score(key.numbers, predicted);
            }
            String[][] predicted = new String[labels.size()][];
            for (int c = 0; c < labels.size(); c++) {
                String[] values = labels.get(c).toArray(String[]::new);
                if (keyOrder != null) {
                    String[] aligned = new String[n];
                    for (int k = 0; k < n; k++) {
                        aligned[keyOrder[k]] = values[ownOrder[k]];
                    }
                    values = aligned;
                }
                predicted[c] = values;
            }
            return shape.metric().score(key.labels, predicted);
        }
    }

    /** A cell as a number; pandas' and numpy's spellings (True/False, inf, nan) included; NaN when it is none. */
    private static double parse(String cell) {
        String s = cell.strip().toLowerCase(Locale.ROOT);
        switch (s) {
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
            }
        }
        if (s.equalsIgnoreCase("true")) {
            return 1;
        }
        if (s.equalsIgnoreCase("false")) {
            return 0;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Counts bad cells and keeps the first few as "line N: value". */
    private static final class CellIssues {
        private final List<String> examples = new ArrayList<>();
        private long count;

        void add(long line, String value) {
            count++;
            if (examples.size() < EXAMPLES) {
                examples.add("line " + line + ": " + value);
            }
        }

        String examples() {
            return String.join(", ", examples);
        }
    }

    /** Counts ids of one kind of mismatch and keeps the first few. */
    private static final class Examples {
        private final List<String> ids = new ArrayList<>();
        private long count;

        void add(String id, int times) {
            count += times;
            if (ids.size() < EXAMPLES) {
                ids.add(id.length() > 60 ? id.substring(0, 60) + "…" : id);
            }
        }

        String list() {
            return String.join(", ", ids);
        }
    }
}
