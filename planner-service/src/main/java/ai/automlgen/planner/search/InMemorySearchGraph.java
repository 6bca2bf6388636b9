package ai.automlgen.planner.search;

import ai.automlgen.planner.coder.Operator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A run's search graph in memory: the copy of a Redis-held graph a policy decides on ({@link #restore}, then kept
 * current with {@link #apply}), and the graph of the pure tests. Thread-safe: each write is atomic under one lock,
 * reads see a consistent state and return snapshots.
 */
public final class InMemorySearchGraph implements SearchGraph {
    private final Objective objective;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, SearchNode> nodes = new LinkedHashMap<>();
    private final Map<String, Integer> creationOrder = new HashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();
    private final Map<String, List<Edge>> edgesFrom = new HashMap<>();
    private final Map<String, List<String>> branchMembers = new LinkedHashMap<>();
    /** Ordered by the time they were scored, then by creation: the same order whichever way the graph was built. */
    private final TreeSet<String> finishedLeaves;
    private final TreeSet<String> goodByScore;
    private int inFlight;
    private int cancelled;

    public InMemorySearchGraph(Objective objective, long createdAtMillis) {
        this.objective = objective;
        Comparator<String> byScore = Comparator.comparingDouble(id -> nodes.get(id).score());
        this.goodByScore = new TreeSet<>((objective == Objective.MAXIMIZE ? byScore.reversed() : byScore)
                .thenComparing(creationOrder::get));
        this.finishedLeaves = new TreeSet<>(Comparator.<String>comparingLong(id -> nodes.get(id).finishedAtMillis())
                .thenComparing(creationOrder::get));
        SearchNode root = SearchNode.root(createdAtMillis);
        nodes.put(root.id(), root);
        creationOrder.put(root.id(), 0);
    }

    /**
     * A graph rebuilt from its nodes, in creation order (the root among them or not), and its REFERENCE, TRAJECTORY
     * and AGGREGATES edges; PARENT edges follow from the nodes. For a snapshot of a graph held elsewhere (Redis)
     * or one replayed from search events.
     */
    public static InMemorySearchGraph restore(Objective objective, List<SearchNode> nodesInCreationOrder,
                                              List<Edge> edges) {
        InMemorySearchGraph graph = new InMemorySearchGraph(objective, 0);
        for (SearchNode node : nodesInCreationOrder) {
            if (node.isRoot()) {
                graph.nodes.put(node.id(), node);
                continue;
            }
            if (!graph.nodes.containsKey(node.parentId())) {
                throw new IllegalArgumentException("node " + node.id() + " comes before its parent " + node.parentId());
            }
            graph.nodes.put(node.id(), node);
            graph.creationOrder.put(node.id(), graph.creationOrder.size());
            graph.children.computeIfAbsent(node.parentId(), id -> new ArrayList<>()).add(node.id());
            graph.edgesFrom.computeIfAbsent(node.parentId(), id -> new ArrayList<>())
                    .add(new Edge(node.parentId(), node.id(), EdgeType.PARENT));
            graph.branchMembers.computeIfAbsent(node.branch(), b -> new ArrayList<>()).add(node.id());
            if (node.status().inFlight()) {
                graph.inFlight++;
            }
            if (node.status() == NodeStatus.CANCELLED) {
                graph.cancelled++;
            }
            if (node.isGood()) {
                graph.goodByScore.add(node.id());
            }
        }
        edges.stream().filter(edge -> edge.type() != EdgeType.PARENT).forEach(graph::addEdge);
        nodesInCreationOrder.stream()
                .filter(node -> !node.isRoot() && node.status().finished())
                .filter(node -> graph.children.getOrDefault(node.id(), List.of()).stream()
                        .allMatch(id -> graph.nodes.get(id).status() == NodeStatus.CANCELLED))
                .forEach(node -> graph.finishedLeaves.add(node.id()));
        return graph;
    }

    /**
     * Brings one node up to date with {@code node} as the graph holding it elsewhere has it now: inserts a node not
     * seen yet (its parent must be here), or takes a known node's new status, score, visits and value; children,
     * branches, finished leaves, the ranking of good nodes and the in-flight count follow. A node's parent, operator
     * and branch never change. A batch of nodes applied in the order they first changed (claims before later
     * changes) leaves the graph as {@link #restore} would build it from the same nodes.
     */
    public void apply(SearchNode node) {
        write(() -> {
            SearchNode known = nodes.get(node.id());
            if (known == null) {
                insert(node);
            } else {
                update(known, node);
            }
            return null;
        });
    }

    private void insert(SearchNode node) {
        if (node.isRoot() || !nodes.containsKey(node.parentId())) {
            throw new IllegalArgumentException("node " + node.id() + " comes before its parent " + node.parentId());
        }
        nodes.put(node.id(), node);
        creationOrder.put(node.id(), creationOrder.size());
        children.computeIfAbsent(node.parentId(), id -> new ArrayList<>()).add(node.id());
        edgesFrom.computeIfAbsent(node.parentId(), id -> new ArrayList<>())
                .add(new Edge(node.parentId(), node.id(), EdgeType.PARENT));
        branchMembers.computeIfAbsent(node.branch(), b -> new ArrayList<>()).add(node.id());
        if (node.status().inFlight()) {
            inFlight++;
        }
        if (node.status() == NodeStatus.CANCELLED) {
            cancelled++;
        }
        if (node.isGood()) {
            goodByScore.add(node.id());
        }
        if (node.status() != NodeStatus.CANCELLED) {
            finishedLeaves.remove(node.parentId());
        }
        if (node.status().finished()) {
            finishedLeaves.add(node.id());
        }
    }

    private void update(SearchNode known, SearchNode node) {
        // the ranking reads the score and the leaf order the finish time from the stored node: out before they change
        boolean reranked = known.isGood() != node.isGood() || !Objects.equals(known.score(), node.score());
        if (reranked && known.isGood()) {
            goodByScore.remove(known.id());
        }
        boolean finishes = !known.status().finished() && node.status().finished();
        nodes.put(node.id(), node);
        if (reranked && node.isGood()) {
            goodByScore.add(node.id());
        }
        if (known.status().inFlight() && !node.status().inFlight()) {
            inFlight--;
        }
        if (finishes && !node.isRoot() && !hasLiveChild(node.id())) {
            finishedLeaves.add(node.id());
        }
        if (known.status() != NodeStatus.CANCELLED && node.status() == NodeStatus.CANCELLED) {
            cancelled++;
            SearchNode parent = nodes.get(node.parentId());
            if (!parent.isRoot() && parent.status().finished() && !hasLiveChild(parent.id())) {
                finishedLeaves.add(parent.id());
            }
        }
    }

    private boolean hasLiveChild(String parentId) {
        return children.getOrDefault(parentId, List.of()).stream()
                .anyMatch(id -> nodes.get(id).status() != NodeStatus.CANCELLED);
    }

    @Override
    public Objective objective() {
        return objective;
    }

    @Override
    public SearchNode root() {
        return read(() -> nodes.get(SearchNode.ROOT_ID));
    }

    @Override
    public Optional<SearchNode> node(String id) {
        return read(() -> Optional.ofNullable(nodes.get(id)));
    }

    @Override
    public List<SearchNode> children(String parentId) {
        return read(() -> children.getOrDefault(parentId, List.of()).stream().map(nodes::get).toList());
    }

    @Override
    public List<SearchNode> children(String parentId, Operator operator) {
        return read(() -> children.getOrDefault(parentId, List.of()).stream().map(nodes::get)
                .filter(child -> child.operator() == operator).toList());
    }

    @Override
    public List<SearchNode> nodes() {
        return read(() -> nodes.values().stream().skip(1).toList());
    }

    @Override
    public List<String> branches() {
        return read(() -> List.copyOf(branchMembers.keySet()));
    }

    @Override
    public List<SearchNode> branchNodes(String branch) {
        return read(() -> branchMembers.getOrDefault(branch, List.of()).stream().map(nodes::get).toList());
    }

    @Override
    public List<SearchNode> finishedLeaves() {
        return read(() -> finishedLeaves.stream().map(nodes::get).toList());
    }

    @Override
    public Optional<SearchNode> oldestFinishedLeaf(Predicate<SearchNode> condition) {
        return read(() -> finishedLeaves.stream().map(nodes::get).filter(condition).findFirst());
    }

    @Override
    public List<SearchNode> bestNodes(int limit) {
        return read(() -> goodByScore.stream().limit(limit).map(nodes::get).toList());
    }

    @Override
    public List<Edge> edgesFrom(String from) {
        return read(() -> List.copyOf(edgesFrom.getOrDefault(from, List.of())));
    }

    @Override
    public int nodeCount() {
        return read(() -> nodes.size() - 1 - cancelled);
    }

    @Override
    public int inFlightCount() {
        return read(() -> inFlight);
    }

    @Override
    public boolean claimExpansion(SearchNode child, Set<Operator> countedOperators, int childLimit) {
        return write(() -> {
            SearchNode parent = nodes.get(child.parentId());
            if (parent == null || !parent.status().finished() || nodes.containsKey(child.id())) {
                return false;
            }
            List<String> siblings = children.computeIfAbsent(parent.id(), id -> new ArrayList<>());
            long counted = siblings.stream().map(nodes::get)
                    .filter(s -> s.status() != NodeStatus.CANCELLED && countedOperators.contains(s.operator()))
                    .count();
            if (counted >= childLimit) {
                return false;
            }
            nodes.put(child.id(), child.withStatus(NodeStatus.PENDING));
            creationOrder.put(child.id(), creationOrder.size());
            siblings.add(child.id());
            edgesFrom.computeIfAbsent(parent.id(), id -> new ArrayList<>()).add(
                    new Edge(parent.id(), child.id(), EdgeType.PARENT));
            branchMembers.computeIfAbsent(child.branch(), b -> new ArrayList<>()).add(child.id());
            finishedLeaves.remove(parent.id());
            inFlight++;
            return true;
        });
    }

    @Override
    public void addEdge(Edge edge) {
        write(() -> {
            List<Edge> out = edgesFrom.computeIfAbsent(edge.from(), id -> new ArrayList<>());
            if (!out.contains(edge)) {
                out.add(edge);
            }
            return null;
        });
    }

    @Override
    public void markRunning(String nodeId) {
        write(() -> {
            SearchNode node = nodes.get(nodeId);
            if (node != null && node.status() == NodeStatus.PENDING) {
                nodes.put(nodeId, node.withStatus(NodeStatus.RUNNING));
            }
            return null;
        });
    }

    @Override
    public Recorded recordResult(String nodeId, NodeStatus status, Double score, int improveMisses,
                                 long finishedAtMillis) {
        SearchGraph.requireResult(status, score);
        return write(() -> {
            SearchNode node = nodes.get(nodeId);
            if (node == null || !node.status().inFlight()) {
                return new Recorded(false, false);
            }
            boolean newBest = status == NodeStatus.GOOD && (goodByScore.isEmpty()
                    || objective.isBetter(score, nodes.get(goodByScore.first()).score()));
            nodes.put(nodeId, node.withResult(status, score, improveMisses, finishedAtMillis));
            if (status == NodeStatus.GOOD) {
                goodByScore.add(nodeId);
            }
            if (children.getOrDefault(nodeId, List.of()).isEmpty()) {
                finishedLeaves.add(nodeId);
            }
            inFlight--;
            return new Recorded(true, newBest);
        });
    }

    @Override
    public void cancel(String nodeId) {
        write(() -> {
            SearchNode node = nodes.get(nodeId);
            if (node == null || !node.status().inFlight()) {
                return null;
            }
            nodes.put(nodeId, node.withStatus(NodeStatus.CANCELLED));
            inFlight--;
            cancelled++;
            SearchNode parent = nodes.get(node.parentId());
            if (!parent.isRoot() && !hasLiveChild(parent.id())) {
                finishedLeaves.add(parent.id());
            }
            return null;
        });
    }

    @Override
    public void backpropagate(String nodeId, double reward) {
        write(() -> {
            for (SearchNode node = nodes.get(nodeId); node != null; node = nodes.get(node.parentId())) {
                nodes.put(node.id(), node.withVisit(reward));
                if (node.isRoot()) {
                    break;
                }
            }
            return null;
        });
    }

    private <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
