package ai.automlgen.planner.coder.llm;

import ai.automlgen.planner.coder.CodeRequest;
import ai.automlgen.planner.coder.CodeResult;
import ai.automlgen.planner.coder.Coder;
import ai.automlgen.planner.coder.CoderException;
import ai.automlgen.planner.coder.Operator;
import ai.automlgen.planner.knowledge.KnowledgeClient;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The coder that asks a chat model (DESIGN §6): any OpenAI-compatible endpoint through quarkus-langchain4j. One
 * operator-specific prompt per node ({@link Prompts}) with the step's knowledge entities; the answer's script is
 * taken whole, or, for operators that change the parent, as SEARCH/REPLACE blocks applied to the parent's script
 * ({@link Patches}); blocks that do not apply get one follow-up asking for the whole script. Calls that fail in
 * transport are retried a bounded number of times; every call's tokens are logged and the node's total goes back
 * in {@link CodeResult#tokens()}.
 */
@ApplicationScoped
public class LlmCoder implements Coder {
    public static final String NAME = "llm";
    private static final Logger LOG = Logger.getLogger(LlmCoder.class);
    private static final int ANSWER_EXCERPT = 200;
    private static final String CUT_OFF = "it was cut off at the token limit: raise AUTOMLGEN_LLM_MAX_TOKENS (reasoning "
            + "models spend tokens thinking before they answer)";

    private final ChatModel model;
    private final KnowledgeClient knowledge;
    private final LlmSettings settings;

    @Inject
    public LlmCoder(ChatModel model, KnowledgeClient knowledge,
                    @ConfigProperty(name = "automlgen.llm.base-url") Optional<String> baseUrl,
                    @ConfigProperty(name = "automlgen.llm.model") Optional<String> modelName,
                    @ConfigProperty(name = "automlgen.llm.retries") int retries,
                    @ConfigProperty(name = "automlgen.llm.retry-backoff") Duration backoff,
                    @ConfigProperty(name = "automlgen.llm.knowledge-entities") int entities,
                    @ConfigProperty(name = "automlgen.llm.max-prompt-chars") int maxPromptChars) {
        this(model, knowledge, new LlmSettings(baseUrl, modelName, retries, backoff, entities, maxPromptChars));
    }

    LlmCoder(ChatModel model, KnowledgeClient knowledge, LlmSettings settings) {
        this.model = model;
        this.knowledge = knowledge;
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean slow() {
        return true;
    }

    /** Refuses {@code coder.} parameters (it reads none) and runs while no endpoint is configured. */
    @Override
    public void check(Map<String, String> params) {
        Coder.super.check(params);
        requireEndpoint();
    }

    @Override
    public CodeResult write(CodeRequest request) {
        requireEndpoint();
        if (request.task() == null) {
            throw new CoderException("the request has no task; the planner must pass the TaskInfo from TaskPrepared");
        }
        Operator operator = request.operator();
        Prompts.Prompt prompt = Prompts.of(request, knowledge.entities(request.knowledge(), settings.entities()),
                settings.maxPromptChars());
        List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user())));
        Answer first = ask(operator, messages, 0);
        Reply reply = Reply.parse(first.text());
        long tokens = first.tokens();
        String code;
        if (Prompts.editsParent(operator) && !reply.patches().isEmpty()) {
            Patches.Result patched = Patches.apply(request.parent().code(), reply.patches());
            if (patched instanceof Patches.Applied applied) {
                code = applied.code();
            } else {
                String failure = ((Patches.Failed) patched).reason();
                LOG.infof("llm %s of %s: %s; asking for the whole script", operator.wireName(), request.parent().nodeId(), failure);
                messages.add(AiMessage.from(first.text()));
                messages.add(UserMessage.from(Prompts.rewrite(failure)));
                Answer second = ask(operator, messages, first.tokens());
                long both = first.tokens() + second.tokens();
                code = Reply.parse(second.text()).code().orElseThrow(() -> new CoderException("the model's SEARCH/REPLACE "
                        + "blocks did not apply (" + failure + ") and its rewrite has no ```python block: "
                        + excerpt(second), null, both));
                tokens = both;
            }
        } else {
            code = reply.code().orElseThrow(() -> new CoderException("the model's answer to the " + operator.wireName()
                    + " prompt has no usable code (" + (reply.patches().isEmpty() ? "no ```python block"
                    : "SEARCH/REPLACE blocks, but " + operator.wireName() + " needs the whole script") + "): "
                    + excerpt(first), null, first.tokens()));
        }
        String plan = operator.wireName() + ": " + (reply.plan() == null ? "(the model gave no plan)" : reply.plan());
        return new CodeResult(code, plan, null, tokens);
    }

    private void requireEndpoint() {
        if (settings.baseUrl().isEmpty() || settings.model().isEmpty()) {
            throw new CoderException("the llm coder has no model endpoint configured: set AUTOMLGEN_LLM_BASE_URL (an "
                    + "OpenAI-compatible URL ending in /v1, e.g. http://127.0.0.1:8000/v1 for vLLM or "
                    + "http://127.0.0.1:11434/v1 for Ollama), AUTOMLGEN_LLM_MODEL (the model it serves) and, for hosted "
                    + "APIs, AUTOMLGEN_LLM_API_KEY, then restart the planner; or use --coder knowledge");
        }
    }

    /**
     * One chat call, retried on transport failures; a request the endpoint refuses (auth, bad request) is not. A failure
     * carries {@code spent}, the node's tokens so far, and an empty answer's own.
     */
    private Answer ask(Operator operator, List<ChatMessage> messages, long spent) {
        int attempts = settings.retries() + 1;
        for (int attempt = 1; ; attempt++) {
            long start = System.nanoTime();
            ChatResponse response;
            try {
                response = model.chat(messages);
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted() || ModelFailures.interrupted(e)) {
                    throw interrupted(operator, e, spent);
                }
                if (ModelFailures.refused(e)) {
                    throw new CoderException(ModelFailures.refusal(baseUrl(), settings.model().orElseThrow(), e), e, spent);
                }
                if (attempt >= attempts) {
                    throw new CoderException(ModelFailures.exhausted(baseUrl(), attempts, e), e, spent);
                }
                Duration wait = settings.backoffBefore(attempt);
                LOG.warnf("llm %s call failed (attempt %d of %d: %s); retrying in %s", operator.wireName(), attempt, attempts,
                        ModelFailures.detail(e), wait);
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException stopped) {
                    throw interrupted(operator, stopped, spent);
                }
                continue;
            }
            LOG.infof("llm %s call: %d ms, tokens %s", operator.wireName(), (System.nanoTime() - start) / 1_000_000,
                    response.tokenUsage() == null ? "not reported" : response.tokenUsage().inputTokenCount() + " in + "
                            + response.tokenUsage().outputTokenCount() + " out");
            Answer answer = new Answer(response.aiMessage() == null ? null : response.aiMessage().text(),
                    tokens(response.tokenUsage()), response.finishReason() == FinishReason.LENGTH);
            if (answer.text() == null || answer.text().isBlank()) {
                throw new CoderException("the model at " + baseUrl() + " gave an empty answer to the " + operator.wireName()
                        + " prompt" + (answer.cut() ? "; " + CUT_OFF : ""), null, spent + answer.tokens());
            }
            return answer;
        }
    }

    private String baseUrl() {
        return settings.baseUrl().orElseThrow();
    }

    private static long tokens(TokenUsage usage) {
        return usage == null || usage.totalTokenCount() == null ? 0 : usage.totalTokenCount();
    }

    /** The planner is stopping (or the run's handler was cancelled): no retry, and the thread stays interrupted. */
    private CoderException interrupted(Operator operator, Throwable cause, long spent) {
        Thread.currentThread().interrupt();
        return new CoderException("interrupted while asking the model at " + baseUrl() + " for the " + operator.wireName()
                + "; the node is not written", cause, spent);
    }

    /** The answer's start, for a message; and that it was cut off, where it was. */
    private static String excerpt(Answer answer) {
        String flat = answer.text().strip().replaceAll("\\s+", " ");
        String shown = flat.length() <= ANSWER_EXCERPT ? "'" + flat + "'" : "'" + flat.substring(0, ANSWER_EXCERPT) + "…'";
        return answer.cut() ? shown + "; " + CUT_OFF : shown;
    }

    /** @param cut the answer stopped at the token limit (finish reason LENGTH) */
    private record Answer(String text, long tokens, boolean cut) {
    }
}
