package ai.automlgen.planner.coder;

/** The operators of the search (DESIGN §5); each becomes one node of its kind. */
public enum Operator {
    DRAFT, IMPROVE, DEBUG, EVOLUTION, FUSION, AGGREGATION, REFIT;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Operator fromWire(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
