package ai.automlgen.planner.coder.llm;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a model's answer holds, read without I/O: the plan (its first line of prose), the complete script and the
 * SEARCH/REPLACE blocks against the parent's script, in order. Fences and markers may be indented (inside a list
 * item); their content loses that indentation, as in Markdown. With several fenced Python blocks the script is the
 * last complete one (an import and a write of submission.csv: a model that revises its script gives the revision
 * last), else the longest.
 */
public record Reply(String plan, Optional<String> code, List<Patch> patches) {
    private static final Pattern PATCH = Pattern.compile(
            "^([ \\t]*)<{7} ?SEARCH[ \\t]*\\R(.*?)^[ \\t]*={7}[ \\t]*\\R(.*?)^[ \\t]*>{7} ?REPLACE[ \\t]*$",
            Pattern.MULTILINE | Pattern.DOTALL);
    /** The closing fence at the opening one's indentation: an indented ``` inside the code does not end it. */
    private static final Pattern FENCE = Pattern.compile(
            "^([ \\t]*)```[ \\t]*([A-Za-z0-9]*)[^\\n]*\\n(.*?)^\\1```[ \\t]*$", Pattern.MULTILINE | Pattern.DOTALL);
    private static final Pattern IMPORT = Pattern.compile("^\\s*(import|from)\\s+\\w", Pattern.MULTILINE);
    private static final int MAX_PLAN = 200;

    public Reply {
        patches = List.copyOf(patches);
    }

    public static Reply parse(String answer) {
        String text = answer == null ? "" : answer.replace("\r\n", "\n");
        List<Patch> patches = PATCH.matcher(text).results()
                .map(m -> new Patch(dedent(m.group(2), m.group(1)), dedent(m.group(3), m.group(1)))).toList();
        String withoutPatches = PATCH.matcher(text).replaceAll("");
        List<String> blocks = FENCE.matcher(withoutPatches).results()
                .filter(m -> isPython(m.group(2)) && !m.group(3).isBlank())
                .map(m -> dedent(m.group(3), m.group(1))).toList();
        Optional<String> code = blocks.stream().filter(Reply::isCompleteScript).reduce((first, last) -> last)
                .or(() -> blocks.stream().reduce((longest, next) -> next.length() > longest.length() ? next : longest));
        return new Reply(plan(FENCE.matcher(withoutPatches).replaceAll("")), code, patches);
    }

    private static boolean isPython(String language) {
        return switch (language.toLowerCase(Locale.ROOT)) {
            case "", "python", "py", "python3" -> true;
            default -> false;
        };
    }

    private static boolean isCompleteScript(String code) {
        return IMPORT.matcher(code).find() && code.contains("submission.csv");
    }

    /** {@code text} without {@code indent} at the start of each line that has it. */
    private static String dedent(String text, String indent) {
        return indent.isEmpty() ? text : Pattern.compile("^" + Pattern.quote(indent), Pattern.MULTILINE)
                .matcher(text).replaceAll("");
    }

    /** The first line of prose, without list or heading marks and a leading "Plan:"; null when there is none. */
    private static String plan(String prose) {
        for (String line : prose.split("\n")) {
            String plan = line.strip().replaceFirst("^[#*>\\-\\s]+", "").replaceFirst("(?i)^\\**plan\\**\\s*:\\s*\\**", "")
                    .replaceAll("\\*\\*", "").strip();
            if (!plan.isEmpty() && !plan.startsWith("```")) {
                return plan.length() <= MAX_PLAN ? plan : plan.substring(0, MAX_PLAN - 1) + "…";
            }
        }
        return null;
    }
}
