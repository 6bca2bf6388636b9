package ai.automlgen.planner.coder.knowledge;

import ai.automlgen.planner.coder.Templates;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rendering mechanism: Python templates under {@code resources/coder/} with {@code {{name}}}
 * placeholders. Every placeholder must get a value and every value must have a placeholder, so a
 * renamed slot fails loudly instead of leaving a hole in the script.
 */
public final class Template {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
    /** A template's "# requires: encoder/minilm.py" lines: shared code it calls, rendered once before it. */
    private static final Pattern REQUIRES = Pattern.compile("(?m)^# requires: (\\S+)$");
    private static final String ROOT = "coder/";

    private Template() {
    }

    /** A template's text, or empty when the component has none (its logic lives in the data template). */
    public static Optional<String> find(String path) {
        return Templates.find(ROOT + path);
    }

    /** The component's own template, {@code coder/<kind>/<name>.py}, or empty when it has none. */
    public static Optional<String> of(Component component) {
        return find(component.kind() + "/" + component.name() + ".py");
    }

    /** The support templates (paths under coder/) this template's text names on its "# requires:" lines. */
    public static List<String> requirements(String text) {
        return REQUIRES.matcher(text).results().map(match -> match.group(1)).toList();
    }

    public static String load(String path) {
        return Templates.read(ROOT + path);
    }

    public static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        java.util.Set<String> used = new java.util.HashSet<>();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no value for placeholder {{" + name + "}}");
            }
            used.add(name);
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        if (!used.containsAll(values.keySet())) {
            throw new IllegalArgumentException("template has no placeholder for " + values.keySet().stream().filter(k -> !used.contains(k)).toList());
        }
        return out.toString();
    }
}
