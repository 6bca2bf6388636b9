package ai.automlgen.knowledge.kb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** The loaded entities, in load order, with the problems of everything that was skipped. */
public final class KnowledgeBase {
    private final List<Entity> entities;
    private final Map<String, Entity> byId;
    private final List<LoadProblem> problems;

    private KnowledgeBase(List<Entity> entities, Map<String, Entity> byId, List<LoadProblem> problems) {
        this.entities = List.copyOf(entities);
        this.byId = Collections.unmodifiableMap(byId);
        this.problems = List.copyOf(problems);
    }

    /**
     * Joins file results in order. An id seen before is a problem of the later entity, which is
     * skipped, so a user extension cannot silently replace a shipped entity.
     */
    public static KnowledgeBase of(List<EntityReader.Result> files) {
        List<Entity> entities = new ArrayList<>();
        Map<String, Entity> byId = new LinkedHashMap<>();
        List<LoadProblem> problems = new ArrayList<>();
        for (EntityReader.Result file : files) {
            problems.addAll(file.problems());
            for (Entity entity : file.entities()) {
                Entity earlier = byId.putIfAbsent(entity.id(), entity);
                if (earlier == null) {
                    entities.add(entity);
                } else {
                    problems.add(new LoadProblem(entity.source(), entity.id(), "id",
                            "duplicate id, already defined in " + earlier.source() + "; rename one of them"));
                }
            }
        }
        return new KnowledgeBase(entities, byId, problems);
    }

    /** The same base without the given entities, each skipped for the problems given with it. */
    public KnowledgeBase without(List<LoadProblem> rejected) {
        List<String> ids = rejected.stream().map(LoadProblem::entity).toList();
        List<Entity> kept = entities.stream().filter(e -> !ids.contains(e.id())).toList();
        Map<String, Entity> keptById = new LinkedHashMap<>();
        kept.forEach(e -> keptById.put(e.id(), e));
        List<LoadProblem> allProblems = new ArrayList<>(problems);
        allProblems.addAll(rejected);
        return new KnowledgeBase(kept, keptById, allProblems);
    }

    public List<Entity> entities() {
        return entities;
    }

    public Optional<Entity> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<LoadProblem> problems() {
        return problems;
    }

    public int size() {
        return entities.size();
    }

    public Map<String, Integer> countByKind() {
        return countBy(e -> List.of(e.kind()));
    }

    public Map<String, Integer> countByLevel() {
        return countBy(e -> List.of(e.level()));
    }

    /** An entity counts once under each modality it lists; one with none counts under "any". */
    public Map<String, Integer> countByModality() {
        return countBy(e -> e.modalities().isEmpty() ? List.of(Vocabulary.ANY) : e.modalities());
    }

    private Map<String, Integer> countBy(Function<Entity, List<String>> keys) {
        Map<String, Integer> counts = new TreeMap<>();
        entities.forEach(e -> keys.apply(e).forEach(k -> counts.merge(k, 1, Integer::sum)));
        return counts;
    }
}
