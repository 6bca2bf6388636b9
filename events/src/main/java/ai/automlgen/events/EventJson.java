package ai.automlgen.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON serde every service uses for events: ISO-8601 instants and durations, unknown
 * fields ignored (so older consumers read newer producers), a {@code type} property naming the record.
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new EventCodecException("cannot encode " + event.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new EventCodecException("cannot decode " + type.getSimpleName() + ": " + e.getOriginalMessage()
                    + " in " + abbreviate(json), e);
        }
    }

    private static String abbreviate(String json) {
        return json == null || json.length() <= 200 ? String.valueOf(json) : json.substring(0, 200) + "…";
    }

    /** An event that cannot be encoded or decoded; the message names the record and the problem. */
    public static final class EventCodecException extends RuntimeException {
        public EventCodecException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
