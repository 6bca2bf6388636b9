package ai.automlgen.cli.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderingTest {
    private static final Header HEADER = new Header("automlgen bench --suite s", "2 cores", "2026-01-01T00:00:00Z");

    @Test
    void summaryHasOneAggregateRowPerPolicyAndNamesFailures() {
        String md = SummaryMarkdown.render(HEADER, List.of(
                Fixtures.graded("a", "mcgs", 1, 0.9, "gold"), Fixtures.failed("a", "mcgs", 2),
                Fixtures.graded("a", "greedy", 1, 0.8, null)));
        assertTrue(md.contains("`automlgen bench --suite s`"), md);
        assertTrue(md.contains("| mcgs | 2 | 50% | 50% | 50% | 1.000 | 1.000 | 1 | 50% |"), md);
        assertTrue(md.contains("| greedy | 1 | 100% | 0% | 0% | 0.000 | 0.000 | 1 | 100% |"), md);
        assertTrue(md.contains("| a | mcgs | 2 | 1/2 | 0.900 | 1/2 | gold, - | 1.000 |"), md);
        assertTrue(md.contains("## Paired with mcgs (same task and seed)"), md);
        assertTrue(md.contains("| greedy | 1 | 0 | 0 | 1 | -1.000 |"), md);
        assertTrue(md.contains("| 0.780 | 5.0 | draft 3.0, improve 2.0 | improve | 60 |\n"),
                "first draft test, nodes, nodes by operator (means over seeds), best node from, wall seconds:\n" + md);
        assertTrue(md.contains("- a|mcgs|full|2: REFUSED — the planner refused the run: unknown run param search.fusoin"), md);
    }

    @Test
    void csvQuotesFieldsWithCommasAndQuotes() {
        assertEquals("\"a, \"\"b\"\"\"", ResultsCsv.field("a, \"b\""));
        String csv = ResultsCsv.render(List.of(Fixtures.failed("a", "mcgs", 1)));
        assertEquals(2, csv.lines().count());
        assertTrue(csv.lines().skip(1).findFirst().orElseThrow().startsWith("a,mcgs,full,1,,REFUSED,"), csv);
    }

    @Test
    void plotHasOneLegendEntryPerPolicyAndAStepLinePerSeed() {
        String svg = BestOverTimeSvg.render("a<b", List.of(
                Fixtures.graded("a<b", "mcgs", 1, 0.9, "gold"), Fixtures.graded("a<b", "mcgs", 2, 0.85, null),
                Fixtures.graded("a<b", "greedy", 1, 0.8, null)));
        assertTrue(svg.startsWith("<svg") && svg.endsWith("</svg>\n"));
        assertEquals(3, svg.split("<path ", -1).length - 1);
        assertTrue(svg.contains(">mcgs</text>") && svg.contains(">greedy</text>"), svg);
        assertTrue(svg.contains("a&lt;b: best validation score over time (normalised"), svg);
    }

    @Test
    void plotWithoutThresholdsShowsRawScores() {
        CellResult graded = Fixtures.graded("a", "mcgs", 1, 0.9, "gold");
        CellResult raw = new CellResult("a", "mcgs", "full", 1, graded.params(), "r", "COMPLETED", null, "accuracy", false,
                0.9, 1, 1, 0, null, null, 30, null, null, null, null, graded.curve(), graded.finishedAt());
        assertTrue(BestOverTimeSvg.render("a", List.of(raw)).contains("(raw)"));
    }
}
