package ai.automlgen.cli.bench;

import ai.automlgen.cli.CliException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ablation: a named set of run params the planner reads (issue #8 item 4); {@code full} changes nothing. Besides
 * the known ones, a variant can be written as its run params, {@code key=value} pairs joined by {@code +} (e.g.
 * {@code search.branch-stagnation=6}), to compare a setting side by side with the defaults; the planner checks the
 * keys and values when the cell's run starts.
 */
public record Variant(String name, Map<String, String> params) {
    public static final Variant FULL = new Variant("full", Map.of());

    private static final Map<String, Variant> KNOWN = known(List.of(
            FULL,
            new Variant("knowledge-off", Map.of("coder.knowledge", "off")),
            new Variant("coarse", Map.of("coder.operators", "coarse")),
            new Variant("no-fusion", Map.of("search.fusion", "false")),
            new Variant("no-aggregation", Map.of("search.aggregation", "false"))));

    public static Variant named(String name) {
        String trimmed = name.trim();
        Variant variant = KNOWN.get(trimmed);
        if (variant != null) {
            return variant;
        }
        if (trimmed.contains("=")) {
            return ofParams(trimmed);
        }
        throw new CliException("unknown variant '" + name + "': choose from " + String.join(", ", KNOWN.keySet())
                + ", or give run params as key=value[+key=value] (e.g. search.branch-stagnation=6)");
    }

    private static Variant ofParams(String name) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : name.split("\\+")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? "" : pair.substring(0, equals).trim();
            String value = equals < 0 ? "" : pair.substring(equals + 1).trim();
            if (key.isEmpty() || value.isEmpty() || params.put(key, value) != null) {
                throw new CliException("variant '" + name + "': '" + pair + "' is not one key=value pair with a new key "
                        + "(write e.g. search.branch-stagnation=6+search.global-stagnation=8)");
            }
        }
        return new Variant(name, Map.copyOf(params));
    }

    private static Map<String, Variant> known(List<Variant> variants) {
        Map<String, Variant> byName = new LinkedHashMap<>();
        variants.forEach(v -> byName.put(v.name(), v));
        return byName;
    }
}
