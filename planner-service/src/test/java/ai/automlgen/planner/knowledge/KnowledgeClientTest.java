package ai.automlgen.planner.knowledge;

import ai.automlgen.events.TaskInfo;
import ai.automlgen.planner.coder.Operator;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnowledgeClientTest {
    private static final TaskInfo TASK = new TaskInfo("spooky", "text", "multiclass", "multi_class_log_loss", true,
            "id", List.of("author"), List.of("EAP", "HPL", "MWS"), Map.of(), "Identify the author of a sentence.", null);

    @Test
    void draftAsksForModelLevelEntitiesAndASearchStepForEveryLevelOfTheTasksModality() throws Exception {
        AtomicReference<String> asked = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/search", exchange -> {
            asked.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = "{\"hits\":[{\"id\":\"model.nb_svm\"},{\"id\":\"feature.tfidf_char\"}]}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            KnowledgeClient client = new KnowledgeClient("http://127.0.0.1:" + server.getAddress().getPort(), Duration.ofSeconds(2));
            assertEquals(List.of("model.nb_svm", "feature.tfidf_char"), client.relevant(Operator.DRAFT, TASK, null));
            assertTrue(asked.get().contains("\"level\":\"model\""), asked.get());
            assertTrue(asked.get().contains("\"modality\":\"text\""), asked.get());
            assertTrue(asked.get().contains("\"limit\":" + KnowledgeClient.MODEL_HITS), asked.get());

            client.relevant(Operator.IMPROVE, TASK, null);
            assertTrue(asked.get().contains("\"level\":null"), "an improvement may use data and strategy entities: " + asked.get());
            assertTrue(asked.get().contains("\"limit\":" + KnowledgeClient.SEARCH_HITS), asked.get());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUnreachableServiceMeansNoKnowledgeNotAFailedStep() {
        KnowledgeClient client = new KnowledgeClient("http://127.0.0.1:9", Duration.ofMillis(500));
        assertEquals(List.of(), client.relevant(Operator.IMPROVE, TASK, null));
    }
}
