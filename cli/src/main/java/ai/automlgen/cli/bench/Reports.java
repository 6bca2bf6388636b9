package ai.automlgen.cli.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Regenerates summary.md, results.csv and the best-over-time plots from the finished cells. */
final class Reports {
    private Reports() {
    }

    /** @param results in {@link BenchPlan#inPlanOrder plan order}, which the tables and the pairing follow */
    static void write(Path out, Header header, List<CellResult> results) {
        ResultsLog.writeAtomically(out.resolve("summary.md"), SummaryMarkdown.render(header, results));
        ResultsLog.writeAtomically(out.resolve("results.csv"), ResultsCsv.render(results));
        Map<String, List<CellResult>> byTask = results.stream()
                .collect(Collectors.groupingBy(CellResult::task, TreeMap::new, Collectors.toList()));
        byTask.forEach((task, cells) ->
                ResultsLog.writeAtomically(out.resolve("best-over-time-" + task + ".svg"), BestOverTimeSvg.render(task, cells)));
    }
}
