package ai.automlgen.planner.search;

import java.util.Objects;

/** A typed, directed edge; for PARENT edges {@code from} is the parent, otherwise {@code from} is the new node. */
public record Edge(String from, String to, EdgeType type) {
    public Edge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(type, "type");
    }
}
