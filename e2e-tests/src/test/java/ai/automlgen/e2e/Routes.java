package ai.automlgen.e2e;

import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which of two planners in one consumer group gets a run's events on each incoming topic. Events are keyed by runId,
 * so all of a run's events on a topic go to one partition, the same on every topic (they have one partition count),
 * and each partition of a topic to one planner's consumer of that topic.
 *
 * @param partitions        partitions per topic
 * @param secondsPartitions per topic, the partitions of the planner that joined second
 */
record Routes(int partitions, Map<String, Set<Integer>> secondsPartitions) {

    /**
     * From the group's assignment (per topic, each consumer's partitions) before the second planner joined and after:
     * the second planner's consumers are the new ones.
     */
    static Routes of(int partitions, Map<String, Map<String, Set<Integer>>> before, Map<String, Map<String, Set<Integer>>> after) {
        Map<String, Set<Integer>> seconds = new TreeMap<>();
        after.forEach((topic, byConsumer) -> {
            List<String> joined = byConsumer.keySet().stream().filter(id -> !before.get(topic).containsKey(id)).toList();
            assertEquals(1, joined.size(), "on " + topic + " exactly one consumer should have joined (the second planner's),"
                    + " the first planner's staying: before " + before.get(topic) + ", after " + byConsumer);
            seconds.put(topic, Set.copyOf(byConsumer.get(joined.get(0))));
        });
        return new Routes(partitions, Map.copyOf(seconds));
    }

    /** The partition of a run's events: Kafka's default partitioner on the runId key. */
    int partition(String runId) {
        return Utils.toPositive(Utils.murmur2(runId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    boolean toSecond(String topic, String runId) {
        return secondsPartitions.get(topic).contains(partition(runId));
    }

    /**
     * What a set of runs should reach: each planner gets the events of some run on each topic, and, where the assignment
     * allows it, one run's events go to both planners (on different topics), the case the run lease serialises.
     */
    int goals() {
        return 2 * secondsPartitions.size() + (IntStream.range(0, partitions).anyMatch(this::split) ? 1 : 0);
    }

    /** How many of {@link #goals()} the runs reach. */
    int goalsMet(Collection<String> runIds) {
        Set<Integer> used = runIds.stream().map(this::partition).collect(Collectors.toSet());
        int met = 0;
        for (Set<Integer> seconds : secondsPartitions.values()) {
            Set<Integer> firsts = new HashSet<>(used);
            firsts.removeAll(seconds);
            met += (firsts.isEmpty() ? 0 : 1) + (used.stream().anyMatch(seconds::contains) ? 1 : 0);
        }
        return met + (used.stream().anyMatch(this::split) ? 1 : 0);
    }

    /** Whether a run on this partition has its events on some topics go to one planner and on others to the other. */
    private boolean split(int partition) {
        return secondsPartitions.values().stream().map(seconds -> seconds.contains(partition)).distinct().count() > 1;
    }
}
