package ai.automlgen.cli.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** results.csv: one row per finished cell, for spreadsheets and notebooks. */
public final class ResultsCsv {
    private static final String HEADER = "task,policy,variant,seed,run_id,status,metric,lower_is_better,best_validation,"
            + "nodes,good,buggy,nodes_by_operator,best_node_operator,wall_seconds,valid,test_score,above_median,medal,normalised,median,gold,"
            + "first_draft_validation,first_draft_valid,first_draft_test_score,reason";

    private ResultsCsv() {
    }

    public static String render(List<CellResult> results) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (CellResult r : results) {
            csv.append(Stream.of(r.task(), r.policy(), r.variant(), r.seed(), r.runId(), r.status(), r.metric(),
                            r.lowerIsBetter(), r.bestValidation(), r.nodes(), r.good(), r.buggy(),
                            r.nodesByOperator() == null ? null : byOperator(r), r.bestNodeOperator(),
                            String.format(Locale.ROOT, "%.1f", r.wallSeconds()), r.valid(),
                            r.valid() ? r.finalGrade().score() : null, r.aboveMedian(),
                            r.medal() ? r.finalGrade().medal() : null, r.normalised(),
                            r.thresholds() == null ? null : r.thresholds().median(),
                            r.thresholds() == null ? null : r.thresholds().gold(),
                            r.firstDraftValidation(), r.firstDraftValid(),
                            r.firstDraftValid() ? r.firstDraftGrade().score() : null, r.reason())
                    .map(ResultsCsv::field).collect(Collectors.joining(","))).append('\n');
        }
        return csv.toString();
    }

    /** e.g. {@code draft=5;improve=11} (semicolons keep it one unquoted field). */
    private static String byOperator(CellResult r) {
        return r.nodesByOperator().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
