package ai.automlgen.evaluator.metrics;

import java.math.BigDecimal;

/** Canonical form of a class label, so "True", "true", "1" and "1.0" name the same class. */
final class Labels {
    private Labels() {
    }

    static String canonical(String raw) {
        String s = raw == null ? "" : raw.strip();
        if (s.equalsIgnoreCase("true")) {
            return "1";
        }
        if (s.equalsIgnoreCase("false")) {
            return "0";
        }
        if (!s.isEmpty() && (Character.isDigit(s.charAt(0)) || s.charAt(0) == '-' || s.charAt(0) == '.')) {
            try {
                return new BigDecimal(s).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException notANumber) {
                return s;
            }
        }
        return s;
    }

    static String[] canonical(String[] column) {
        String[] out = new String[column.length];
        for (int i = 0; i < column.length; i++) {
            out[i] = canonical(column[i]);
        }
        return out;
    }
}
