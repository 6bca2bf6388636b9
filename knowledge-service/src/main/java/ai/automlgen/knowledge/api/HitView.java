package ai.automlgen.knowledge.api;

import ai.automlgen.knowledge.search.Hit;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** One hit as JSON; {@code fix} only for pitfalls. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record HitView(String id, String kind, String level, String title, String summary, double score,
                      @JsonProperty("matched_by") String matchedBy, List<String> modalities,
                      @JsonProperty("task_types") List<String> taskTypes, List<String> tags, String fix) {
    static HitView of(Hit hit) {
        var e = hit.entity();
        return new HitView(e.id(), e.kind(), e.level(), e.title(), e.summary(), hit.score(), hit.matchedBy(),
                e.modalities(), e.taskTypes(), e.tags(), e.fix());
    }
}
