package ai.automlgen.evaluator.grading;

import ai.automlgen.evaluator.data.Csv;
import ai.automlgen.evaluator.metrics.Metric;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows a submission must answer, in the answers file's order: their ids and, when scoring,
 * the true values of the scored columns. Read from private answers, held-out validation labels,
 * or (to check the format only) a sample submission.
 */
final class AnswerKey {
    final IdColumn ids;
    /** Truth per scored column for numeric metrics; null for label metrics or shape-only keys. */
    final double[][] numbers;
    /** Truth per scored column for label metrics; null otherwise. */
    final String[][] labels;

    private AnswerKey(IdColumn ids, double[][] numbers, String[][] labels) {
        this.ids = ids;
        this.numbers = numbers;
        this.labels = labels;
    }

    boolean hasTruth() {
        return numbers != null || labels != null;
    }

    /** Ids only: for checking a submission's format against its sample. */
    static AnswerKey idsOf(Path file, String idColumn) throws IOException {
        IdColumn ids = new IdColumn();
        try (CSVParser parser = Csv.open(file)) {
            requireColumns(file, parser, List.of(idColumn));
            for (CSVRecord row : parser) {
                ids.add(row.get(idColumn));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new AnswerKey(ids, null, null);
    }

    /** Ids and true values of {@code scored}, read as {@code input} requires. */
    static AnswerKey read(Path file, String idColumn, List<String> scored, Metric.Input input) throws IOException {
        IdColumn ids = new IdColumn();
        boolean numeric = input != Metric.Input.LABELS;
        NumberColumn[] numbers = new NumberColumn[scored.size()];
        List<List<String>> labels = new ArrayList<>();
        for (int c = 0; c < scored.size(); c++) {
            numbers[c] = new NumberColumn(1024);
            labels.add(new ArrayList<>());
        }
        try (CSVParser parser = Csv.open(file)) {
            List<String> needed = new ArrayList<>(scored);
            needed.add(idColumn);
            requireColumns(file, parser, needed);
            for (CSVRecord row : parser) {
                ids.add(row.get(idColumn));
                for (int c = 0; c < scored.size(); c++) {
                    String cell = row.get(scored.get(c));
                    if (numeric) {
                        numbers[c].add(truthNumber(file, cell, parser.getCurrentLineNumber()));
                    } else {
                        labels.get(c).add(cell);
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (numeric) {
            double[][] truth = new double[scored.size()][];
            for (int c = 0; c < truth.length; c++) {
                truth[c] = numbers[c].toArray();
            }
            return new AnswerKey(ids, truth, null);
        }
        return new AnswerKey(ids, null, labels.stream().map(l -> l.toArray(String[]::new)).toArray(String[][]::new));
    }

    private static double truthNumber(Path file, String cell, long line) throws IOException {
        String s = cell.strip();
        if (s.equalsIgnoreCase("true")) {
            return 1;
        }
        if (s.equalsIgnoreCase("false")) {
            return 0;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IOException(file + ": line " + line + ": answer '" + cell + "' is not a number", e);
        }
    }

    private static void requireColumns(Path file, CSVParser parser, List<String> columns) throws IOException {
        List<String> missing = columns.stream().filter(c -> !parser.getHeaderNames().contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new IOException(file + ": missing column(s) " + String.join(", ", missing) + " (has " + String.join(", ", parser.getHeaderNames()) + ")");
        }
    }
}
