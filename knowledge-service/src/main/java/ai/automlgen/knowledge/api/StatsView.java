package ai.automlgen.knowledge.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/** Answer of GET /stats; {@code skipped} lists every file or entity problem found at start-up. */
public record StatsView(int total, @JsonProperty("by_kind") Map<String, Integer> byKind,
                        @JsonProperty("by_level") Map<String, Integer> byLevel,
                        @JsonProperty("by_modality") Map<String, Integer> byModality, List<String> skipped) {
}
