package ai.automlgen.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses budgets the way people write them: 90s, 10m, 1h30m, 2h, or ISO-8601 (PT10M). */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)([hms])");

    private Durations() {
    }

    public static Duration parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("pt")) {
            try {
                return Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new CliException("cannot read the duration '" + text + "': write ISO-8601 with a unit after "
                        + "each number, e.g. PT10M or PT1H30M, or simply 10m, 1h30m");
            }
        }
        Matcher m = PART.matcher(t);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            });
            end = m.end();
        }
        if (end != t.length() || total.isZero()) {
            throw new CliException("cannot read the duration '" + text + "': write e.g. 90s, 10m, 1h30m");
        }
        return total;
    }
}
