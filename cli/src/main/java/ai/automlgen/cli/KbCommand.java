package ai.automlgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** The knowledge base: counts and hybrid search. */
@Command(name = "kb", description = "Query the knowledge base.", subcommands = {KbCommand.Stats.class, KbCommand.Search.class})
final class KbCommand {

    @Command(name = "stats", description = "Entity counts by kind, level and modality.")
    static final class Stats implements Callable<Integer> {
        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Override
        public Integer call() {
            ServiceClient.Answer answer = ServiceClient.knowledge().get("/stats");
            if (!answer.ok()) {
                throw new CliException(answer.error());
            }
            JsonNode stats = answer.body();
            if (json) {
                Output.json(stats);
                return 0;
            }
            System.out.println("entities: " + stats.path("total").asInt());
            for (String group : new String[]{"by_level", "by_kind", "by_modality"}) {
                System.out.println(group.substring(3) + ":");
                stats.path(group).fields().forEachRemaining(e -> System.out.printf("  %-16s %d%n", e.getKey(), e.getValue().asInt()));
            }
            return 0;
        }
    }

    @Command(name = "search", description = "Hybrid (BM25 + dense) search.")
    static final class Search implements Callable<Integer> {
        @Parameters(index = "0", description = "query text")
        String text;

        @Option(names = "--modality")
        String modality;

        @Option(names = "--task-type")
        String taskType;

        @Option(names = "--kind")
        String kind;

        @Option(names = "--level")
        String level;

        @Option(names = "--limit", defaultValue = "10")
        int limit;

        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Override
        public Integer call() {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("text", text);
            query.put("modality", modality);
            query.put("taskType", taskType);
            query.put("kind", kind);
            query.put("level", level);
            query.put("limit", limit);
            ServiceClient.Answer answer = ServiceClient.knowledge().post("/search", query, Duration.ofSeconds(30));
            if (!answer.ok()) {
                throw new CliException(answer.error());
            }
            if (json) {
                Output.json(answer.body());
                return 0;
            }
            for (JsonNode hit : answer.body().path("hits")) {
                System.out.printf("%-40s %-12s %.4f  %s%n", hit.get("id").asText(), hit.path("kind").asText(),
                        hit.path("score").asDouble(), hit.path("title").asText());
            }
            return 0;
        }
    }
}
