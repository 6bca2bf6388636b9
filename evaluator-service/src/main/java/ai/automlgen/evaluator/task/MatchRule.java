package ai.automlgen.evaluator.task;

/** How submission rows are paired with answer rows. */
public enum MatchRule {
    /** By id: both sides sorted on the id column (duplicated ids pair in file order). */
    ID,
    /** By row position: the submission must keep the sample submission's row order. */
    POSITION
}
