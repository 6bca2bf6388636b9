package ai.automlgen.events;

/** Events on {@link Topics#SEARCH_EVENTS}: enough to redraw a run's search graph or rebuild it. */
public sealed interface SearchEvent extends RunEvent
        permits NodeCreated, EdgeAdded, NodeScored, BestImproved, RunFinished {
}
