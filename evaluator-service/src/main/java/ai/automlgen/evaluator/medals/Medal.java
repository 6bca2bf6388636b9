package ai.automlgen.evaluator.medals;

import java.util.Locale;

/** Kaggle medals, best first. */
public enum Medal {
    GOLD, SILVER, BRONZE;

    /** The lower-case name used in events and JSON (gold, silver, bronze). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
