package ai.automlgen.planner.search;

/** A search clock that stands where the test puts it. */
record FixedClock(double timeFraction, double nodeFraction) implements SearchClock {
    static final FixedClock START = new FixedClock(0.0, 0.0);
}
