package ai.automlgen.cli;

import ai.automlgen.cli.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code automlgen} command line. The launcher script at the repository root handles
 * up/down/status (the local stack) and starts what a command needs before calling this.
 */
@Command(name = "automlgen", mixinStandardHelpOptions = true, version = "automlgen 0.1.0",
        description = "An ML-engineering agent: searches pipelines with Monte Carlo Graph Search.",
        subcommands = {SolveCommand.class, GradeCommand.class, RunsCommand.class, GraphCommand.class,
                CancelCommand.class, KbCommand.class, SandboxCommand.class, BenchCommand.class})
public final class AutomlgenCli {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cli = new CommandLine(new AutomlgenCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CliException) {
                commandLine.getErr().println("automlgen: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }
}
