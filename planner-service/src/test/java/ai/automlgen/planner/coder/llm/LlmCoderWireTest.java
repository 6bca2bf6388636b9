package ai.automlgen.planner.coder.llm;

import ai.automlgen.events.EventJson;
import ai.automlgen.planner.coder.CodeResult;
import ai.automlgen.planner.coder.CoderException;
import ai.automlgen.planner.coder.Operator;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The llm coder as the planner wires it: quarkus-langchain4j's OpenAI chat model talking HTTP to an OpenAI-compatible
 * stub (WireMock on a random port). Starts the planner, so it needs the local stack like RunFlowTest.
 */
@QuarkusTest
@WithTestResource(LlmCoderWireTest.OpenAiStub.class)
class LlmCoderWireTest {
    private static final String COMPLETIONS = "/v1/chat/completions";
    static WireMockServer stub;

    @Inject
    LlmCoder coder;

    @BeforeEach
    void resetStub() {
        stub.resetAll();
    }

    @Test
    void aDraftSendsTheConfiguredModelAndReturnsTheAnswersScript() {
        stub.stubFor(completions().willReturn(okJson(completion("""
                Plan: xgboost on the raw columns
                ```python
                print("draft")
                ```
                """))));

        CodeResult result = coder.write(Requests.draft(List.of(), List.of()));

        assertEquals("print(\"draft\")\n", result.code());
        assertEquals("draft: xgboost on the raw columns", result.plan());
        assertEquals(15, result.tokens());
        stub.verify(postRequestedFor(urlEqualTo(COMPLETIONS)).withRequestBody(matchingJsonPath("$.model", equalTo("stub-model"))));
    }

    @Test
    void anImproveAnsweredWithSearchReplaceIsAppliedToTheParent() {
        stub.stubFor(completions().willReturn(okJson(completion("""
                deeper trees
                <<<<<<< SEARCH
                model = XGBClassifier(max_depth=4)
                =======
                model = XGBClassifier(max_depth=6)
                >>>>>>> REPLACE
                """))));

        CodeResult result = coder.write(Requests.onParent(Operator.IMPROVE, Requests.PARENT));

        assertEquals(Requests.PARENT_CODE.replace("max_depth=4", "max_depth=6"), result.code());
    }

    @Test
    void anEndpointFailingTwiceIsRetriedUntilItAnswers() {
        stub.stubFor(completions().inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("failed once"));
        stub.stubFor(completions().inScenario("flaky").whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("failed twice"));
        stub.stubFor(completions().inScenario("flaky").whenScenarioStateIs("failed twice")
                .willReturn(okJson(completion("a forest\n```python\nprint('third time')\n```"))));

        CodeResult result = coder.write(Requests.draft(List.of(), List.of()));

        assertEquals("print('third time')\n", result.code());
        stub.verify(3, postRequestedFor(urlEqualTo(COMPLETIONS)));
    }

    @Test
    void aRefusedKeyIsNotRetriedAndTheMessageQuotesTheServer() {
        stub.stubFor(completions().willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"message\": \"Incorrect API key provided\", \"type\": \"invalid_request_error\"}}")));

        CoderException e = assertThrows(CoderException.class, () -> coder.write(Requests.draft(List.of(), List.of())));

        assertTrue(e.getMessage().contains("refused the API key (HTTP 401: Incorrect API key provided); set "
                + "AUTOMLGEN_LLM_API_KEY"), e.getMessage());
        stub.verify(1, postRequestedFor(urlEqualTo(COMPLETIONS)));
    }

    @Test
    void aGarbageAnswerIsACoderError() {
        stub.stubFor(completions().willReturn(okJson(completion("lorem ipsum dolor sit amet"))));

        CoderException e = assertThrows(CoderException.class, () -> coder.write(Requests.draft(List.of(), List.of())));

        assertTrue(e.getMessage().contains("has no usable code"), e.getMessage());
    }

    private static MappingBuilder completions() {
        return post(urlEqualTo(COMPLETIONS));
    }

    /** An OpenAI chat completion answering {@code content}, 10 prompt and 5 completion tokens. */
    private static String completion(String content) {
        return EventJson.write(Map.of("id", "chatcmpl-1", "object", "chat.completion", "created", 1, "model", "stub-model",
                "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", content))),
                "usage", Map.of("prompt_tokens", 10, "completion_tokens", 5, "total_tokens", 15)));
    }

    /** WireMock as the OpenAI-compatible endpoint the planner's llm settings point at. */
    public static class OpenAiStub implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            stub = new WireMockServer(options().dynamicPort());
            stub.start();
            return Map.of("automlgen.llm.base-url", stub.baseUrl() + "/v1", "automlgen.llm.model", "stub-model",
                    "automlgen.llm.retries", "2", "automlgen.llm.retry-backoff", "PT0S");
        }

        @Override
        public void stop() {
            if (stub != null) {
                stub.stop();
            }
        }
    }
}
