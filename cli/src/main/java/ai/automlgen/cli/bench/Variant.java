package ai.automlgen.cli.bench;

import ai.automlgen.cli.CliException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An ablation: a named set of run params the planner reads (issue #8 item 4); {@code full} changes nothing. */
public record Variant(String name, Map<String, String> params) {
    public static final Variant FULL = new Variant("full", Map.of());

    private static final Map<String, Variant> KNOWN = known(List.of(
            FULL,
            new Variant("knowledge-off", Map.of("coder.knowledge", "off")),
            new Variant("coarse", Map.of("coder.operators", "coarse")),
            new Variant("no-fusion", Map.of("search.fusion", "false")),
            new Variant("no-aggregation", Map.of("search.aggregation", "false"))));

    public static Variant named(String name) {
        Variant variant = KNOWN.get(name.trim());
        if (variant == null) {
            throw new CliException("unknown variant '" + name + "': choose from " + String.join(", ", KNOWN.keySet()));
        }
        return variant;
    }

    private static Map<String, Variant> known(List<Variant> variants) {
        Map<String, Variant> byName = new LinkedHashMap<>();
        variants.forEach(v -> byName.put(v.name(), v));
        return byName;
    }
}
