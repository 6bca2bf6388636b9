package ai.automlgen.e2e;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** The planners' Kafka consumer group as the broker sees it: on each incoming topic, which consumer owns which partitions. */
final class PlannerGroup implements AutoCloseable {
    private static final long API_TIMEOUT_S = 10;

    private final Admin admin;
    private final String groupId;
    private final List<String> topics;
    private final int partitions;

    /** The group's topics must have one partition count, as infra/stack.sh creates them. */
    PlannerGroup(String bootstrap, String groupId, List<String> topics) throws Exception {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        this.groupId = groupId;
        this.topics = List.copyOf(topics);
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(API_TIMEOUT_S, TimeUnit.SECONDS);
        Set<Integer> counts = new HashSet<>();
        described.values().forEach(topic -> counts.add(topic.partitions().size()));
        assertEquals(1, counts.size(), "the planner's topics " + topics + " have different partition counts: " + described);
        this.partitions = counts.iterator().next();
    }

    int partitions() {
        return partitions;
    }

    /**
     * Waits until the group is stable with {@code planners} consumers on each topic (one per planner), each owning some of
     * its partitions and together all of them; returns, per topic, each consumer's (member id's) partitions.
     */
    Map<String, Map<String, Set<Integer>>> awaitStable(int planners, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).all()
                    .get(API_TIMEOUT_S, TimeUnit.SECONDS).get(groupId);
            Map<String, Map<String, Set<Integer>>> owners = owners(group);
            if (group.groupState() == GroupState.STABLE && settled(owners, planners)) {
                return owners;
            }
            if (System.nanoTime() > deadline) {
                fail("consumer group " + groupId + " did not settle with " + planners + " planner(s) sharing every partition of "
                        + topics + " within " + timeout.toSeconds() + " s; it is " + group.groupState() + " with " + owners);
            }
            Thread.sleep(500);
        }
    }

    private Map<String, Map<String, Set<Integer>>> owners(ConsumerGroupDescription group) {
        Map<String, Map<String, Set<Integer>>> owners = new TreeMap<>();
        topics.forEach(topic -> owners.put(topic, new TreeMap<>()));
        for (MemberDescription member : group.members()) {
            for (TopicPartition owned : member.assignment().topicPartitions()) {
                Map<String, Set<Integer>> byConsumer = owners.get(owned.topic());
                if (byConsumer != null) {
                    byConsumer.computeIfAbsent(member.consumerId(), id -> new HashSet<>()).add(owned.partition());
                }
            }
        }
        return owners;
    }

    private boolean settled(Map<String, Map<String, Set<Integer>>> owners, int planners) {
        for (Map<String, Set<Integer>> byConsumer : owners.values()) {
            Set<Integer> assigned = new HashSet<>();
            byConsumer.values().forEach(assigned::addAll);
            if (byConsumer.size() != planners || assigned.size() != partitions) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(API_TIMEOUT_S));
    }
}
