package ai.automlgen.cli.bench;

/** One run of the bench: a task searched by one policy, under one variant, with one seed. */
public record Cell(String task, String policy, String variant, long seed) {

    /** Identifies the cell in results.jsonl, so a rerun with the same output folder skips it. */
    public String key() {
        return task + "|" + policy + "|" + variant + "|" + seed;
    }

    /** How the cell's policy and variant read in tables and legends: the policy alone for the full system. */
    public String group() {
        return Variant.FULL.name().equals(variant) ? policy : policy + "/" + variant;
    }
}
