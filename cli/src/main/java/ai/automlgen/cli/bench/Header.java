package ai.automlgen.cli.bench;

/** What every report starts with: how the bench was run, on what, and when the report was written. */
public record Header(String command, String machine, String date) {
}
