package ai.automlgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** Run a script exactly as the executor would, for debugging a pipeline. */
@Command(name = "sandbox", description = "Sandbox tools.", subcommands = SandboxCommand.Run.class)
final class SandboxCommand {

    @Command(name = "run", description = "Run a Python script in the executor's sandbox.")
    static final class Run implements Callable<Integer> {
        @Parameters(index = "0", description = "script.py")
        Path script;

        @Option(names = "--sandbox", description = "docker | process (default: the executor's)")
        String sandbox;

        @Option(names = "--timeout", defaultValue = "60", description = "seconds")
        int timeout;

        @Option(names = "--memory-mb", defaultValue = "2048")
        long memoryMb;

        @Option(names = "--input", description = "folder mounted read-only as input/")
        Path input;

        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(script)) {
                throw new CliException("script " + script.toAbsolutePath() + " does not exist");
            }
            if (input != null && !Files.isDirectory(input)) {
                throw new CliException("input folder " + input.toAbsolutePath() + " does not exist");
            }
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("source", Files.readString(script));
            request.put("sandbox", sandbox);
            request.put("timeoutSeconds", timeout);
            request.put("memoryMb", memoryMb);
            request.put("inputDir", input == null ? null : input.toAbsolutePath().normalize().toString());
            ServiceClient.Answer answer = ServiceClient.executor().post("/sandbox/run", request,
                    Duration.ofSeconds(timeout + 60L));
            if (!answer.ok()) {
                throw new CliException("the executor refused the script: " + answer.error());
            }
            JsonNode result = answer.body();
            if (json) {
                Output.json(result);
            } else {
                System.out.print(result.path("stdout_tail").asText(""));
                System.err.print(result.path("stderr_tail").asText(""));
                System.err.printf("%noutcome %s, exit code %s, %d ms (%s sandbox)%n", result.path("outcome").asText(),
                        result.path("exit_code").asText("-"), result.path("duration_ms").asLong(),
                        result.path("sandbox").asText("?"));
            }
            return "OK".equals(result.path("outcome").asText()) ? 0 : 1;
        }
    }
}
