package ai.automlgen.planner.coder.llm;

import ai.automlgen.planner.coder.CodeResult;
import ai.automlgen.planner.coder.CoderException;
import ai.automlgen.planner.coder.Operator;
import ai.automlgen.planner.knowledge.KnowledgeClient;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The llm coder around a scripted chat model (the quarkus-langchain4j OpenAI client only runs inside Quarkus; the
 * same behaviour over HTTP is LlmCoderWireTest's) and a knowledge service stubbed with WireMock.
 */
class LlmCoderTest {
    /** An improve answer whose SEARCH line (max_depth=5) is not in the parent's script (max_depth=4). */
    private static final String NON_MATCHING_PATCH = """
            deeper trees
            <<<<<<< SEARCH
            model = XGBClassifier(max_depth=5)
            =======
            model = XGBClassifier(max_depth=6)
            >>>>>>> REPLACE
            """;

    private static final LlmSettings SETTINGS = new LlmSettings(Optional.of("http://llm.test/v1"), Optional.of("stub-model"),
            2, Duration.ZERO, 5, 60_000);
    private static final String DRAFT_ANSWER = """
            Plan: xgboost on the raw columns with one-hot categoricals
            ```python
            import pandas as pd
            print("draft")
            ```
            """;
    private static WireMockServer knowledgeService;

    @BeforeAll
    static void startKnowledgeService() {
        knowledgeService = new WireMockServer(options().dynamicPort());
        knowledgeService.start();
        knowledgeService.stubFor(get(urlEqualTo("/entities/model.catboost")).willReturn(okJson("""
                {"id": "model.catboost", "kind": "model", "level": "model", "title": "CatBoost",
                 "summary": "Gradient boosting with native categorical handling.", "when_to_use": "many categorical columns",
                 "when_to_avoid": "", "template": "", "fix": ""}""")));
        knowledgeService.stubFor(get(urlEqualTo("/entities/model.xgboost")).willReturn(okJson("""
                {"id": "model.xgboost", "kind": "model", "level": "model", "title": "XGBoost", "summary": "Boosted trees.",
                 "when_to_use": "", "when_to_avoid": "", "fix": "",
                 "template": "XGBClassifier(max_depth={{max_depth}}, eta={{eta}}, booster={{booster}}, gpu={{gpu}})",
                 "hyperparameters": [{"name": "max_depth", "type": "int", "low": 3, "high": 10, "default": 6},
                                     {"name": "eta", "type": "float", "low": 0.01, "high": 0.3, "default": 0.1, "log": true},
                                     {"name": "booster", "type": "choice", "choices": ["gbtree", "dart"], "default": "gbtree"},
                                     {"name": "gpu", "type": "bool", "default": false}]}""")));
    }

    @AfterAll
    static void stopKnowledgeService() {
        knowledgeService.stop();
    }

    @Test
    void aDraftReturnsTheAnswersScriptAndPlanWithItsTokens() {
        ScriptedModel model = new ScriptedModel(answer(DRAFT_ANSWER, 1200, 300));

        CodeResult result = coder(model).write(Requests.draft(List.of(), List.of("model.catboost", "model.unknown")));

        assertEquals("import pandas as pd\nprint(\"draft\")\n", result.code());
        assertEquals("draft: xgboost on the raw columns with one-hot categoricals", result.plan());
        assertEquals(1500, result.tokens());
        assertTrue(model.lastUserMessage().contains("### CatBoost (model)\nGradient boosting with native categorical handling."),
                model.lastUserMessage());
    }

    @Test
    void aKnowledgeTemplateReachesThePromptWithTheServicesDefaultsFilledIn() {
        ScriptedModel model = new ScriptedModel(answer(DRAFT_ANSWER, 1, 1));

        coder(model).write(Requests.draft(List.of(), List.of("model.xgboost")));

        assertTrue(model.lastUserMessage().contains("XGBClassifier(max_depth=6, eta=0.1, booster='gbtree', gpu=False)\n```\n"
                + "Hyperparameters (set to their defaults above; tune within the range): max_depth = 6 (int, 3 to 10); "
                + "eta = 0.1 (float, 0.01 to 0.3, log scale); booster = 'gbtree' (one of gbtree, dart); gpu = False (bool)"),
                model.lastUserMessage());
    }

    @Test
    void anImprovesSearchReplaceBlocksAreAppliedToTheParentsScript() {
        ScriptedModel model = new ScriptedModel(answer("""
                deeper trees
                <<<<<<< SEARCH
                model = XGBClassifier(max_depth=4)
                =======
                model = XGBClassifier(max_depth=6)
                >>>>>>> REPLACE
                """, 10, 5));

        CodeResult result = coder(model).write(Requests.onParent(Operator.IMPROVE, Requests.PARENT));

        assertEquals(Requests.PARENT_CODE.replace("max_depth=4", "max_depth=6"), result.code());
        assertEquals("improve: deeper trees", result.plan());
    }

    @Test
    void blocksThatDoNotApplyGetOneRequestForTheWholeScript() {
        ScriptedModel model = new ScriptedModel(answer(NON_MATCHING_PATCH, 10, 5), answer("```python\nprint('whole')\n```", 20, 5));

        CodeResult result = coder(model).write(Requests.onParent(Operator.IMPROVE, Requests.PARENT));

        assertEquals("print('whole')\n", result.code());
        assertEquals("improve: deeper trees", result.plan());
        assertEquals(40, result.tokens());
        assertTrue(model.lastUserMessage().startsWith("Your change could not be applied: SEARCH/REPLACE block 1 of 1 "
                + "does not match the script"), model.lastUserMessage());
    }

    @Test
    void aCallThatFailsTwiceInTransportIsRetriedAndThenAnswers() {
        ScriptedModel model = new ScriptedModel(fail(new InternalServerException("502 bad gateway")),
                fail(new TimeoutException("read timed out")), answer(DRAFT_ANSWER, 1, 1));

        CodeResult result = coder(model).write(Requests.draft(List.of(), List.of()));

        assertEquals("import pandas as pd\nprint(\"draft\")\n", result.code());
        assertEquals(3, model.calls);
    }

    @Test
    void aCallStillFailingAfterTheRetriesFailsTheNodeNamingTheEndpoint() {
        ScriptedModel model = new ScriptedModel(fail(new InternalServerException("502")), fail(new InternalServerException("502")),
                fail(new InternalServerException("502 bad gateway")));

        CoderException e = assertThrows(CoderException.class, () -> coder(model).write(Requests.draft(List.of(), List.of())));

        assertEquals("the model endpoint http://llm.test/v1 failed 3 time(s) in a row (502 bad gateway); check that it is up, "
                + "or raise AUTOMLGEN_LLM_TIMEOUT / AUTOMLGEN_LLM_RETRIES", e.getMessage());
    }

    @Test
    void aRefusedKeyIsNotRetriedAndNamesTheKeyWithTheServersMessage() {
        ScriptedModel model = new ScriptedModel(fail(new AuthenticationException(new HttpException(401,
                "{\"error\": {\"message\": \"Incorrect API key provided\", \"type\": \"invalid_request_error\"}}"))));

        CoderException e = assertThrows(CoderException.class, () -> coder(model).write(Requests.draft(List.of(), List.of())));

        assertEquals("the model endpoint http://llm.test/v1 refused the API key (HTTP 401: Incorrect API key provided); "
                + "set AUTOMLGEN_LLM_API_KEY to a key it accepts", e.getMessage());
        assertEquals(1, model.calls);
    }

    @Test
    void anUnknownModelNamesTheModelAndTheBaseUrlsPath() {
        ScriptedModel model = new ScriptedModel(fail(new ModelNotFoundException(new HttpException(404,
                "{\"error\": {\"message\": \"model 'stub-model' not found\"}}"))));

        CoderException e = assertThrows(CoderException.class, () -> coder(model).write(Requests.draft(List.of(), List.of())));

        assertEquals("the model endpoint http://llm.test/v1 does not know the model or path (HTTP 404: model 'stub-model' "
                + "not found); check that AUTOMLGEN_LLM_MODEL ('stub-model') is a model it serves and that "
                + "AUTOMLGEN_LLM_BASE_URL ends in the API's path (usually /v1)", e.getMessage());
    }

    @Test
    void aBadRequestQuotesTheServerAndNamesTheContextAndTheTokenLimit() {
        ScriptedModel model = new ScriptedModel(fail(new InvalidRequestException(new HttpException(400,
                "{\"object\": \"error\", \"message\": \"This model's maximum context length is 8192 tokens. However, "
                        + "you requested 12000 tokens.\", \"type\": \"BadRequestError\", \"code\": 400}"))));

        CoderException e = assertThrows(CoderException.class, () -> coder(model).write(Requests.draft(List.of(), List.of())));

        assertTrue(e.getMessage().startsWith("the model endpoint http://llm.test/v1 rejected the request (HTTP 400: This "
                + "model's maximum context length is 8192 tokens. However, you requested 12000 tokens.); the prompt plus "
                + "AUTOMLGEN_LLM_MAX_TOKENS may exceed the model's context"), e.getMessage());
        assertEquals(1, model.calls);
    }

    @Test
    void anUnresolvableHostIsNotRetriedAndNamesTheBaseUrl() {
        ScriptedModel model = new ScriptedModel(fail(new LangChain4jException(new UnknownHostException("llm.test"))));

        CoderException e = assertThrows(CoderException.class, () -> coder(model).write(Requests.draft(List.of(), List.of())));

        assertEquals("the model endpoint's host in http://llm.test/v1 does not resolve (llm.test); "
                + "check AUTOMLGEN_LLM_BASE_URL", e.getMessage());
        assertEquals(1, model.calls);
    }

    @Test
    void aRefusedConnectionAfterTheRetriesNamesTheBaseUrlAndTheServer() {
        Supplier<ChatResponse> refused = fail(new LangChain4jException(new ConnectException("Connection refused")));
        ScriptedModel model = new ScriptedModel(refused, refused, refused);

        CoderException e = assertThrows(CoderException.class, () -> coder(model).write(Requests.draft(List.of(), List.of())));

        assertEquals("the model endpoint http://llm.test/v1 failed 3 time(s) in a row (Connection refused); "
                + "nothing answers there: check AUTOMLGEN_LLM_BASE_URL and that the model server "
                + "is up", e.getMessage());
    }

    @Test
    void aCallInterruptedInTheClientIsNotRetriedAndKeepsTheInterrupt() {
        ScriptedModel model = new ScriptedModel(fail(new LangChain4jException(new InterruptedIOException("interrupted"))),
                answer(DRAFT_ANSWER, 1, 1));

        try {
            CoderException e = assertThrows(CoderException.class, () -> coder(model).write(Requests.draft(List.of(), List.of())));

            assertEquals("interrupted while asking the model at http://llm.test/v1 for the draft; the node is not written",
                    e.getMessage());
            assertEquals(1, model.calls);
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aFailedCallOnAnInterruptedThreadIsNotRetried() {
        ScriptedModel model = new ScriptedModel(fail(new InternalServerException("502")), answer(DRAFT_ANSWER, 1, 1));

        Thread.currentThread().interrupt();
        try {
            CoderException e = assertThrows(CoderException.class, () -> coder(model).write(Requests.draft(List.of(), List.of())));

            assertTrue(e.getMessage().startsWith("interrupted while asking the model"), e.getMessage());
            assertEquals(1, model.calls);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aSocketTimeoutIsRetriedNotTakenForAnInterrupt() {
        ScriptedModel model = new ScriptedModel(fail(new LangChain4jException(new SocketTimeoutException("read timed out"))),
                answer(DRAFT_ANSWER, 1, 1));

        coder(model).write(Requests.draft(List.of(), List.of()));

        assertEquals(2, model.calls);
    }

    @Test
    void anEmptyAnswerCutAtTheTokenLimitSaysToRaiseIt() {
        ScriptedModel model = new ScriptedModel(answer("", 500, 8192, FinishReason.LENGTH));

        CoderException e = assertThrows(CoderException.class, () -> coder(model).write(Requests.draft(List.of(), List.of())));

        assertEquals("the model at http://llm.test/v1 gave an empty answer to the draft prompt; it was cut off at the "
                + "token limit: raise AUTOMLGEN_LLM_MAX_TOKENS (reasoning models spend tokens thinking before they "
                + "answer)", e.getMessage());
    }

    @Test
    void anAnswerCutInsideItsScriptSaysToRaiseTheTokenLimit() {
        ScriptedModel model = new ScriptedModel(answer("Plan: a forest\n```python\nimport pandas as pd\n", 500, 8192,
                FinishReason.LENGTH));

        CoderException e = assertThrows(CoderException.class, () -> coder(model).write(Requests.draft(List.of(), List.of())));

        assertTrue(e.getMessage().endsWith("; it was cut off at the token limit: raise AUTOMLGEN_LLM_MAX_TOKENS (reasoning "
                + "models spend tokens thinking before they answer)"), e.getMessage());
    }

    @Test
    void anAnswerWithoutCodeIsACoderError() {
        ScriptedModel model = new ScriptedModel(answer("I am sorry, I cannot help with that.", 5, 5));

        CoderException e = assertThrows(CoderException.class, () -> coder(model).write(Requests.draft(List.of(), List.of())));

        assertEquals("the model's answer to the draft prompt has no usable code (no ```python block): "
                + "'I am sorry, I cannot help with that.'", e.getMessage());
    }

    @Test
    void aFailedNodeCarriesTheTokensItsAnswersTook() {
        ScriptedModel model = new ScriptedModel(answer(NON_MATCHING_PATCH, 10, 5), answer("I cannot see the script.", 20, 5));

        CoderException e = assertThrows(CoderException.class,
                () -> coder(model).write(Requests.onParent(Operator.IMPROVE, Requests.PARENT)));

        assertEquals(40, e.tokens());
    }

    @Test
    void aFailedRetryAfterAnAnswerCarriesTheAnswersTokens() {
        ScriptedModel model = new ScriptedModel(answer(NON_MATCHING_PATCH, 10, 5), fail(new AuthenticationException("401")));

        CoderException e = assertThrows(CoderException.class,
                () -> coder(model).write(Requests.onParent(Operator.IMPROVE, Requests.PARENT)));

        assertEquals(15, e.tokens());
    }

    @Test
    void aDraftAnsweredWithPatchesIsACoderError() {
        ScriptedModel model = new ScriptedModel(answer("""
                <<<<<<< SEARCH
                a
                =======
                b
                >>>>>>> REPLACE
                """, 5, 5));

        CoderException e = assertThrows(CoderException.class, () -> coder(model).write(Requests.draft(List.of(), List.of())));

        assertTrue(e.getMessage().contains("SEARCH/REPLACE blocks, but draft needs the whole script"), e.getMessage());
    }

    @Test
    void aRunIsRefusedWhileNoEndpointIsConfiguredNamingTheVariablesToSet() {
        LlmCoder unconfigured = new LlmCoder(new ScriptedModel(), knowledge(),
                new LlmSettings(Optional.of(""), Optional.empty(), 2, Duration.ZERO, 5, 60_000));

        CoderException e = assertThrows(CoderException.class, () -> unconfigured.check(Map.of()));

        assertTrue(e.getMessage().startsWith("the llm coder has no model endpoint configured: set AUTOMLGEN_LLM_BASE_URL"),
                e.getMessage());
        assertTrue(e.getMessage().contains("AUTOMLGEN_LLM_MODEL"), e.getMessage());
    }

    @Test
    void aConfiguredCoderAcceptsARunWithoutCoderParameters() {
        coder(new ScriptedModel()).check(Map.of("search.drafts", "3"));
    }

    private static LlmCoder coder(ChatModel model) {
        return new LlmCoder(model, knowledge(), SETTINGS);
    }

    private static KnowledgeClient knowledge() {
        return new KnowledgeClient(knowledgeService.baseUrl(), Duration.ofSeconds(3));
    }

    private static Supplier<ChatResponse> answer(String text, int in, int out) {
        return answer(text, in, out, FinishReason.STOP);
    }

    private static Supplier<ChatResponse> answer(String text, int in, int out, FinishReason finish) {
        return () -> ChatResponse.builder().aiMessage(AiMessage.from(text)).tokenUsage(new TokenUsage(in, out))
                .finishReason(finish).build();
    }

    private static Supplier<ChatResponse> fail(RuntimeException e) {
        return () -> {
            throw e;
        };
    }

    /** A chat model that gives the scripted answers (or failures) in order and keeps what it was sent. */
    private static final class ScriptedModel implements ChatModel {
        private final Deque<Supplier<ChatResponse>> script;
        private final List<List<ChatMessage>> requests = new ArrayList<>();
        int calls;

        @SafeVarargs
        ScriptedModel(Supplier<ChatResponse>... answers) {
            this.script = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public ChatResponse doChat(ChatRequest request) {
            calls++;
            requests.add(request.messages());
            return script.removeFirst().get();
        }

        String lastUserMessage() {
            List<ChatMessage> last = requests.get(requests.size() - 1);
            return ((UserMessage) last.get(last.size() - 1)).singleText();
        }
    }
}
