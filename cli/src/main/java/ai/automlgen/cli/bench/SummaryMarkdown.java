package ai.automlgen.cli.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders summary.md from the finished cells: per-task table, aggregate table, and what failed. */
public final class SummaryMarkdown {
    private SummaryMarkdown() {
    }

    public static String render(Header header, List<CellResult> results) {
        StringBuilder md = new StringBuilder();
        md.append("# Bench summary\n\n");
        md.append("- command: `").append(header.command()).append("`\n");
        md.append("- machine: ").append(header.machine()).append('\n');
        md.append("- started: ").append(header.date()).append('\n');
        md.append("- cells finished: ").append(results.size()).append('\n');
        md.append("\nScores are test scores of the final submission, graded by the evaluator against private/. ")
                .append("Normalised: 0 at the leaderboard median, 1 at gold (linear, unclipped). ")
                .append("Spread is mean ± std (min–max) over seeds; invalid or failed cells count against every ")
                .append("rate and have no score.\n");

        md.append("\n## Per policy/variant\n\n");
        md.append("| policy/variant | cells | valid | above median | medal | normalised (per-seed mean over tasks) | normalised (per-seed median over tasks) | scored | first draft valid |\n");
        md.append("|---|---:|---:|---:|---:|---|---|---:|---:|\n");
        for (Aggregation.GroupRow g : Aggregation.byGroup(results)) {
            md.append("| ").append(g.group()).append(" | ").append(g.cells())
                    .append(" | ").append(percent(g.validRate()))
                    .append(" | ").append(percent(g.aboveMedianRate()))
                    .append(" | ").append(percent(g.medalRate()))
                    .append(" | ").append(format(g.normalisedPerSeed()))
                    .append(" | ").append(format(g.medianNormalisedPerSeed()))
                    .append(" | ").append(g.scored())
                    .append(" | ").append(percent(g.firstDraftValidRate())).append(" |\n");
        }

        List<Aggregation.PairedRow> paired = Aggregation.pairedWithFirst(results);
        if (!paired.isEmpty()) {
            md.append("\n## Paired with ").append(paired.get(0).baseline()).append(" (same task and seed)\n\n");
            md.append("Each cell against the ").append(paired.get(0).baseline())
                    .append(" cell of the same task and seed (both graded): whether its normalised score is better, ")
                    .append("the same or worse, and the spread of the difference.\n\n");
            md.append("| policy/variant | pairs | better | same | worse | normalised difference |\n");
            md.append("|---|---:|---:|---:|---:|---|\n");
            for (Aggregation.PairedRow p : paired) {
                md.append("| ").append(p.group()).append(" | ").append(p.pairs()).append(" | ").append(p.better())
                        .append(" | ").append(p.same()).append(" | ").append(p.worse())
                        .append(" | ").append(format(p.difference())).append(" |\n");
            }
        }

        md.append("\n## Per task\n\n");
        md.append("| task | policy/variant | seeds | valid | test score | above median | medals | normalised | best validation | first draft valid | first draft validation | first draft test | nodes | nodes by operator (mean) | best node from | wall s |\n");
        md.append("|---|---|---:|---:|---|---:|---|---|---|---:|---|---|---:|---|---|---|\n");
        for (Aggregation.TaskRow t : Aggregation.byTask(results)) {
            md.append("| ").append(t.task()).append(" | ").append(t.group()).append(" | ").append(t.cells())
                    .append(" | ").append(t.valid()).append('/').append(t.cells())
                    .append(" | ").append(format(t.testScore()))
                    .append(" | ").append(t.aboveMedian()).append('/').append(t.cells())
                    .append(" | ").append(String.join(", ", t.medals()))
                    .append(" | ").append(format(t.normalised()))
                    .append(" | ").append(format(t.bestValidation()))
                    .append(" | ").append(t.firstDraftValid()).append('/').append(t.cells())
                    .append(" | ").append(format(t.firstDraftValidation()))
                    .append(" | ").append(format(t.firstDraftTestScore()))
                    .append(" | ").append(t.nodes() == null ? "-" : String.format(Locale.ROOT, "%.1f", t.nodes().mean()))
                    .append(" | ").append(byOperator(t.meanNodesByOperator()))
                    .append(" | ").append(String.join(", ", t.bestNodeOperators()))
                    .append(" | ").append(t.wallSeconds() == null ? "-" : String.format(Locale.ROOT, "%.0f", t.wallSeconds().mean()))
                    .append(" |\n");
        }

        List<CellResult> failures = results.stream().filter(r -> !r.valid()).toList();
        md.append("\n## Cells without a valid submission (").append(failures.size()).append(")\n\n");
        for (CellResult r : failures) {
            md.append("- ").append(r.cell().key()).append(": ").append(r.status());
            String why = r.reason() != null ? r.reason()
                    : r.finalGrade() != null && r.finalGrade().errors() != null && !r.finalGrade().errors().isEmpty()
                    ? String.join("; ", r.finalGrade().errors()) : null;
            if (why != null) {
                md.append(" — ").append(oneLine(why));
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String byOperator(Map<String, Double> means) {
        return means.isEmpty() ? "-" : means.entrySet().stream()
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.1f", e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String format(Spread spread) {
        return spread == null ? "-" : spread.format();
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * rate);
    }

    private static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ").replace("|", "\\|").trim();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
