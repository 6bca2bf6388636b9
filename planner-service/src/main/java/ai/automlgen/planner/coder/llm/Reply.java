package ai.automlgen.planner.coder.llm;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a model's answer holds, read without I/O: the plan (its first line of prose), the complete script (the
 * longest fenced Python block, if any) and the SEARCH/REPLACE blocks against the parent's script, in order.
 */
public record Reply(String plan, Optional<String> code, List<Patch> patches) {
    private static final Pattern PATCH = Pattern.compile(
            "^<{7} ?SEARCH[ \\t]*\\R(.*?)^={7}[ \\t]*\\R(.*?)^>{7} ?REPLACE[ \\t]*$", Pattern.MULTILINE | Pattern.DOTALL);
    private static final Pattern FENCE = Pattern.compile(
            "^```[ \\t]*([A-Za-z0-9]*)[^\\n]*\\n(.*?)^```[ \\t]*$", Pattern.MULTILINE | Pattern.DOTALL);
    private static final int MAX_PLAN = 200;

    public Reply {
        patches = List.copyOf(patches);
    }

    public static Reply parse(String answer) {
        String text = answer == null ? "" : answer.replace("\r\n", "\n");
        List<Patch> patches = PATCH.matcher(text).results()
                .map(m -> new Patch(m.group(1), m.group(2))).toList();
        String withoutPatches = PATCH.matcher(text).replaceAll("");
        String code = null;
        Matcher fence = FENCE.matcher(withoutPatches);
        while (fence.find()) {
            String language = fence.group(1).toLowerCase(java.util.Locale.ROOT);
            boolean python = language.isEmpty() || language.equals("python") || language.equals("py")
                    || language.equals("python3");
            if (python && !fence.group(2).isBlank() && (code == null || fence.group(2).length() > code.length())) {
                code = fence.group(2);
            }
        }
        return new Reply(plan(FENCE.matcher(withoutPatches).replaceAll("")), Optional.ofNullable(code), patches);
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
