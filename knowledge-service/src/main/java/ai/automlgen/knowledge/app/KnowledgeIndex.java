package ai.automlgen.knowledge.app;

import ai.automlgen.knowledge.kb.Entity;
import ai.automlgen.knowledge.kb.EntityReader;
import ai.automlgen.knowledge.kb.KnowledgeBase;
import ai.automlgen.knowledge.kb.KnowledgeBaseLoader;
import ai.automlgen.knowledge.kb.LoadProblem;
import ai.automlgen.knowledge.kb.PythonEntityCheck;
import ai.automlgen.knowledge.search.EmbeddingCache;
import ai.automlgen.knowledge.search.MiniLmEmbedder;
import ai.automlgen.knowledge.search.Retriever;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Builds the knowledge base and its indexes once, on a background thread at start-up, so HTTP and
 * health answer meanwhile (readiness stays DOWN until the index is built).
 */
@ApplicationScoped
public class KnowledgeIndex {
    private static final Logger LOG = Logger.getLogger(KnowledgeIndex.class);
    private static final long PYTHON_CHECK_TIMEOUT_S = 120;

    private final Optional<Path> extraDir;
    private final Path cacheDir;
    private final Path python;
    private final Duration readyWait;
    private final int embeddingThreads;
    private final CompletableFuture<Retriever> retriever = new CompletableFuture<>();

    /**
     * @param extraDir  user entity files loaded after the shipped ones
     * @param cacheDir  where entity embeddings are cached between starts
     * @param python    checks extension templates; skipped with a warning if absent
     * @param readyWait how long a Kafka query arriving during start-up waits for the index
     * @param embeddingThreads ONNX threads per embedding
     */
    public KnowledgeIndex(@ConfigProperty(name = "automlgen.knowledge.extra-dir") Optional<Path> extraDir,
                          @ConfigProperty(name = "automlgen.knowledge.cache-dir") Path cacheDir,
                          @ConfigProperty(name = "automlgen.knowledge.python") Path python,
                          @ConfigProperty(name = "automlgen.knowledge.ready-wait") Duration readyWait,
                          @ConfigProperty(name = "automlgen.knowledge.embedding-threads") int embeddingThreads) {
        this.extraDir = extraDir;
        this.cacheDir = cacheDir;
        this.python = python;
        this.readyWait = readyWait;
        this.embeddingThreads = embeddingThreads;
    }

    void onStart(@Observes StartupEvent event) {
        Thread builder = new Thread(this::build, "knowledge-index");
        builder.setDaemon(true);
        builder.start();
    }

    void onStop(@Observes ShutdownEvent event) throws Exception {
        if (retriever.isDone() && !retriever.isCompletedExceptionally()) {
            retriever.join().close();
        }
    }

    private void build() {
        try {
            long start = System.nanoTime();
            KnowledgeBase base = load();
            long loaded = System.nanoTime();
            MiniLmEmbedder embedder = new MiniLmEmbedder(embeddingThreads);
            EmbeddingCache.Vectors vectors = new EmbeddingCache(cacheDir, embedder.modelName())
                    .vectors(base.entities().stream().map(Retriever::denseText).toList(), embedder);
            Retriever built = new Retriever(base, embedder, vectors.vectors());
            long done = System.nanoTime();
            LOG.infof("knowledge index ready: %d entities (%s), %d skipped problems; loading %d ms, "
                            + "embeddings %d ms (%d computed, %d from cache)", base.size(), base.countByLevel(),
                    base.problems().size(), (loaded - start) / 1_000_000, (done - loaded) / 1_000_000,
                    vectors.computed(), base.size() - vectors.computed());
            retriever.complete(built);
        } catch (RuntimeException | Error e) {
            LOG.error("the knowledge index could not be built; the service answers every request with this error", e);
            retriever.completeExceptionally(e);
        }
    }

    private KnowledgeBase load() {
        List<EntityReader.Result> files = new ArrayList<>(KnowledgeBaseLoader.readShipped());
        List<EntityReader.Result> extension = extraDir.map(KnowledgeBaseLoader::readDirectory).orElse(List.of());
        files.addAll(extension);
        KnowledgeBase base = KnowledgeBase.of(files);
        Set<String> extensionFiles = extension.stream()
                .flatMap(r -> r.entities().stream().map(Entity::source)).collect(Collectors.toSet());
        List<Entity> extensionEntities = base.entities().stream()
                .filter(e -> extensionFiles.contains(e.source())).toList();
        PythonEntityCheck check = new PythonEntityCheck(python, PYTHON_CHECK_TIMEOUT_S);
        if (!extensionEntities.isEmpty()) {
            if (check.available()) {
                try {
                    base = base.without(check.check(extensionEntities));
                } catch (RuntimeException e) {
                    LOG.warnf("the templates of %d extension entities are not compile-checked: %s",
                            extensionEntities.size(), e.getMessage());
                }
            } else {
                LOG.warnf("%s is not executable: the templates of %d extension entities are not compile-checked; "
                        + "set automlgen.knowledge.python (AUTOMLGEN_PYTHON)", python, extensionEntities.size());
            }
        }
        for (LoadProblem problem : base.problems()) {
            LOG.warnf("skipped: %s", problem);
        }
        return base;
    }

    public boolean ready() {
        return retriever.isDone() && !retriever.isCompletedExceptionally();
    }

    /** Why the index is not ready: still building, or the build's failure. */
    public String notReadyReason() {
        if (!retriever.isDone()) {
            return "the knowledge index is still building; retry in a few seconds (GET /q/health/ready says when)";
        }
        try {
            retriever.join();
            return "ready";
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return "the knowledge index failed to build: " + cause.getMessage();
        }
    }

    /** @throws NotReadyException while building or after a failed build */
    public Retriever retriever() {
        if (!ready()) {
            throw new NotReadyException(notReadyReason());
        }
        return retriever.join();
    }

    /** Waits for the index (Kafka queries may arrive during start-up). */
    public Retriever awaitRetriever() {
        Duration wait = readyWait;
        try {
            return retriever.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new NotReadyException(notReadyReason());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotReadyException("interrupted while waiting for the knowledge index");
        }
    }

    /** The index cannot answer yet (or at all); the message says why. */
    public static final class NotReadyException extends RuntimeException {
        public NotReadyException(String message) {
            super(message);
        }
    }
}
