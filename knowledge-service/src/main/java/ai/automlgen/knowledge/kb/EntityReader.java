package ai.automlgen.knowledge.kb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses one entity file and validates each entity against the schema (README "Entity format").
 * Pure: takes the file's name and text. A bad entity is skipped with every problem it has, each
 * naming the file, the entity and the field; the good entities of the same file are kept.
 * Checks that need Python (templates compile, imports exist) live in {@link PythonEntityCheck}.
 */
public final class EntityReader {
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Pattern ID = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)+");
    private static final Pattern HYPERPARAMETER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> FIELDS = Set.of("id", "kind", "level", "title", "modalities", "task_types",
            "summary", "when_to_use", "when_to_avoid", "hyperparameters", "packages", "template",
            "error_signatures", "fix", "tags", "references");
    private static final Set<String> HYPERPARAMETER_FIELDS = Set.of("name", "type", "low", "high", "default",
            "choices", "log");

    private EntityReader() {
    }

    /** What one file yields: the valid entities and the problems of the rest. */
    public record Result(List<Entity> entities, List<LoadProblem> problems) {
    }

    public static Result read(String file, String yamlText) {
        JsonNode root;
        try {
            root = YAML.readTree(yamlText);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            return new Result(List.of(), List.of(new LoadProblem(file, null, null,
                    "not valid YAML" + where + ": " + e.getOriginalMessage() + "; fix the syntax")));
        }
        if (root == null || !root.isObject() || !root.has("entities") || !root.get("entities").isArray()) {
            return new Result(List.of(), List.of(new LoadProblem(file, null, "entities",
                    "missing top-level 'entities:' list; an entity file is a map with one key, entities, holding a list")));
        }
        List<Entity> entities = new ArrayList<>();
        List<LoadProblem> problems = new ArrayList<>();
        int position = 0;
        for (JsonNode node : root.get("entities")) {
            position++;
            Check check = new Check(file, node, position);
            Entity entity = check.entity();
            if (check.problems.isEmpty()) {
                entities.add(entity);
            } else {
                problems.addAll(check.problems);
            }
        }
        return new Result(entities, problems);
    }

    /**
     * Java compiles the signature patterns at run time; the two Python-only constructs the format
     * allows (named groups and their back-references) are translated first.
     */
    public static Pattern compileSignature(String pythonRegex) {
        String java = pythonRegex.replace("(?P<", "(?<").replaceAll("\\(\\?P=([A-Za-z_][A-Za-z0-9_]*)\\)", "\\\\k<$1>");
        return Pattern.compile(java, Pattern.MULTILINE);
    }

    /** Validation of one entity node; collects every problem rather than stopping at the first. */
    private static final class Check {
        private final String file;
        private final JsonNode node;
        private final List<LoadProblem> problems = new ArrayList<>();
        private String label;

        Check(String file, JsonNode node, int position) {
            this.file = file;
            this.node = node;
            this.label = "#" + position;
        }

        Entity entity() {
            if (!node.isObject()) {
                fail(null, "is not a map of fields; each list item must start with 'id:'");
                return null;
            }
            String id = text("id", true);
            if (id != null && ID.matcher(id).matches()) {
                label = id;
            } else if (id != null) {
                label = label + " (" + id + ")";
                fail("id", "'" + id + "' is not <kind>.<snake_case_name> with only a-z, 0-9, _ and .");
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!FIELDS.contains(name)) {
                    fail(name, "unknown field; known fields are " + FIELDS.stream().sorted().toList());
                }
            }
            String kind = oneOf("kind", Vocabulary.KINDS);
            String level = oneOf("level", Vocabulary.LEVELS);
            if (kind != null && level != null && !Vocabulary.LEVEL_OF_KIND.get(kind).equals(level)) {
                fail("level", "'" + level + "' does not fit kind '" + kind + "'; use level "
                        + Vocabulary.LEVEL_OF_KIND.get(kind));
            }
            String title = text("title", true);
            List<String> modalities = words("modalities", Vocabulary.MODALITIES);
            List<String> taskTypes = words("task_types", Vocabulary.TASK_TYPES);
            String summary = text("summary", true);
            boolean pitfall = "pitfall".equals(kind);
            String whenToUse = text("when_to_use", !pitfall);
            String whenToAvoid = text("when_to_avoid", !pitfall);
            List<Hyperparameter> hyperparameters = hyperparameters();
            List<String> packages = strings("packages");
            for (int i = 0; i < packages.size(); i++) {
                if (!Vocabulary.RUNTIME_PACKAGES.contains(packages.get(i))) {
                    fail("packages[" + i + "]", "'" + packages.get(i) + "' is not in the runtime; use only "
                            + Vocabulary.RUNTIME_PACKAGES.stream().sorted().toList());
                }
            }
            String template = text("template", false);
            if (template != null) {
                for (String placeholder : TemplateRenderer.placeholders(template)) {
                    if (!declaredHyperparameters().contains(placeholder)) {
                        fail("template", "placeholder {{" + placeholder + "}} names no hyperparameter; "
                                + "add it under hyperparameters or write the value in the template");
                    }
                }
            }
            List<String> signatures = strings("error_signatures");
            for (int i = 0; i < signatures.size(); i++) {
                try {
                    compileSignature(signatures.get(i));
                } catch (PatternSyntaxException e) {
                    fail("error_signatures[" + i + "]", "not a valid regex: " + e.getDescription());
                }
            }
            String fix = text("fix", false);
            if (pitfall) {
                if (signatures.isEmpty()) {
                    fail("error_signatures", "a pitfall needs at least one regex matching its traceback or message");
                }
                if (fix == null) {
                    fail("fix", "a pitfall needs a fix saying what to change");
                }
            } else if (!signatures.isEmpty()) {
                fail("error_signatures", "only pitfalls have error signatures; use kind pitfall or remove them");
            }
            return new Entity(id, kind, level, title, modalities, taskTypes, summary, orEmpty(whenToUse),
                    orEmpty(whenToAvoid), hyperparameters, packages, orEmpty(template), signatures, orEmpty(fix),
                    strings("tags"), strings("references"), file);
        }

        /** Names of all listed hyperparameters, valid or not, so one bad range is reported once. */
        private Set<String> declaredHyperparameters() {
            Set<String> names = new java.util.HashSet<>();
            node.path("hyperparameters").forEach(hp -> names.add(hp.path("name").asText()));
            return names;
        }

        private List<Hyperparameter> hyperparameters() {
            JsonNode list = node.get("hyperparameters");
            if (list == null || list.isNull()) {
                return List.of();
            }
            if (!list.isArray()) {
                fail("hyperparameters", "must be a list of {name, type, ...} maps");
                return List.of();
            }
            List<Hyperparameter> result = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Hyperparameter hp = hyperparameter("hyperparameters[" + i + "]", list.get(i));
                if (hp != null) {
                    if (result.stream().anyMatch(h -> h.name().equals(hp.name()))) {
                        fail("hyperparameters[" + i + "].name", "'" + hp.name() + "' is listed twice");
                    }
                    result.add(hp);
                }
            }
            return result;
        }

        private Hyperparameter hyperparameter(String path, JsonNode hp) {
            if (!hp.isObject()) {
                fail(path, "must be a map like {name: max_depth, type: int, low: 3, high: 10, default: 6}");
                return null;
            }
            for (Iterator<String> names = hp.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!HYPERPARAMETER_FIELDS.contains(name)) {
                    fail(path + "." + name, "unknown field; known fields are "
                            + HYPERPARAMETER_FIELDS.stream().sorted().toList());
                }
            }
            int before = problems.size();
            String name = hp.path("name").isTextual() ? hp.get("name").asText() : null;
            if (name == null || !HYPERPARAMETER_NAME.matcher(name).matches()) {
                fail(path + ".name", "required, a Python identifier");
            }
            String type = hp.path("type").asText(null);
            if (type == null || !Vocabulary.HYPERPARAMETER_TYPES.contains(type)) {
                fail(path + ".type", "'" + type + "' is not one of " + Vocabulary.HYPERPARAMETER_TYPES);
                return null;
            }
            boolean log = hp.path("log").asBoolean(false);
            if (hp.has("log") && !hp.get("log").isBoolean()) {
                fail(path + ".log", "must be true or false");
            }
            if (!hp.has("default")) {
                fail(path + ".default", "required; the template renders with it");
            }
            JsonNode defaultNode = hp.get("default");
            switch (type) {
                case "int", "float" -> {
                    boolean integral = type.equals("int");
                    Number low = number(path + ".low", hp.get("low"), integral);
                    Number high = number(path + ".high", hp.get("high"), integral);
                    Number dflt = defaultNode == null ? null : number(path + ".default", defaultNode, integral);
                    if (low != null && high != null) {
                        if (low.doubleValue() >= high.doubleValue()) {
                            fail(path + ".high", "low " + low + " must be below high " + high);
                        } else if (dflt != null && (dflt.doubleValue() < low.doubleValue()
                                || dflt.doubleValue() > high.doubleValue())) {
                            fail(path + ".default", dflt + " is outside [" + low + ", " + high
                                    + "]; put the default inside the range");
                        }
                        if (log && low.doubleValue() <= 0) {
                            fail(path + ".low", "a log-scale range needs low > 0, got " + low);
                        }
                    }
                    return problems.size() > before ? null
                            : new Hyperparameter(name, type, low, high, dflt, null, log);
                }
                case "choice" -> {
                    JsonNode choicesNode = hp.get("choices");
                    if (choicesNode == null || !choicesNode.isArray() || choicesNode.isEmpty()) {
                        fail(path + ".choices", "a choice needs a non-empty list of choices");
                        return null;
                    }
                    List<Object> choices = new ArrayList<>();
                    choicesNode.forEach(c -> choices.add(scalar(c)));
                    Object dflt = defaultNode == null ? null : scalar(defaultNode);
                    if (defaultNode != null && !choices.contains(dflt)) {
                        fail(path + ".default", "'" + dflt + "' is not one of the choices " + choices);
                    }
                    return problems.size() > before ? null
                            : new Hyperparameter(name, type, null, null, dflt, choices, log);
                }
                default -> {
                    if (defaultNode != null && !defaultNode.isBoolean()) {
                        fail(path + ".default", "a bool default must be true or false");
                    }
                    return problems.size() > before ? null
                            : new Hyperparameter(name, type, null, null, defaultNode.asBoolean(), null, false);
                }
            }
        }

        /** YAML 1.1 reads 1e-5 (no dot) as a string, so numeric strings are accepted as numbers. */
        private Number number(String path, JsonNode value, boolean integral) {
            if (value == null || value.isNull()) {
                fail(path, "required for an " + (integral ? "int" : "float") + " hyperparameter");
                return null;
            }
            Double d = null;
            if (value.isNumber()) {
                d = value.doubleValue();
            } else if (value.isTextual()) {
                try {
                    d = Double.valueOf(value.asText().trim());
                } catch (NumberFormatException e) {
                    d = null;
                }
            }
            if (d == null || d.isNaN()) {
                fail(path, "'" + value.asText() + "' is not a number");
                return null;
            }
            if (integral) {
                if (d != Math.rint(d)) {
                    fail(path, d + " is not a whole number; use type float or a whole number");
                    return null;
                }
                return d.longValue();
            }
            return value.isIntegralNumber() ? (Number) value.longValue() : d;
        }

        private static Object scalar(JsonNode value) {
            if (value.isNull()) {
                return null;
            }
            if (value.isBoolean()) {
                return value.booleanValue();
            }
            if (value.isIntegralNumber()) {
                return value.longValue();
            }
            if (value.isNumber()) {
                return value.doubleValue();
            }
            return value.asText();
        }

        private String text(String field, boolean required) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
                if (required) {
                    fail(field, "required, non-empty text");
                }
                return null;
            }
            if (!value.isTextual()) {
                fail(field, "must be text, got " + value.getNodeType().toString().toLowerCase());
                return null;
            }
            return value.asText().strip();
        }

        private String oneOf(String field, List<String> allowed) {
            String value = text(field, true);
            if (value != null && !allowed.contains(value)) {
                fail(field, "'" + value + "' is not one of " + allowed);
                return null;
            }
            return value;
        }

        private List<String> words(String field, List<String> allowed) {
            List<String> values = strings(field);
            for (int i = 0; i < values.size(); i++) {
                if (!values.get(i).equals(Vocabulary.ANY) && !allowed.contains(values.get(i))) {
                    fail(field + "[" + i + "]", "'" + values.get(i) + "' is not one of " + allowed + " or any");
                }
            }
            return values;
        }

        private List<String> strings(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return List.of();
            }
            if (!value.isArray()) {
                fail(field, "must be a list, e.g. [a, b]");
                return List.of();
            }
            List<String> result = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (!item.isValueNode() || item.isNull() || item.asText().isBlank()) {
                    fail(field + "[" + i + "]", "must be non-empty text");
                } else {
                    result.add(item.asText().strip());
                }
            }
            return result;
        }

        private void fail(String field, String message) {
            problems.add(new LoadProblem(file, label, field, message));
        }

        private static String orEmpty(String s) {
            return s == null ? "" : s;
        }
    }
}
