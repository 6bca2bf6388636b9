package ai.automlgen.knowledge.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** Answer of POST /search and POST /pitfalls/match. */
public record HitsView(List<HitView> hits, @JsonProperty("took_ms") long tookMs) {
}
