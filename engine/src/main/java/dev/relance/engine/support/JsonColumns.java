package dev.relance.engine.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes JSONB columns (custom fields, event data) as maps. */
@Component
public class JsonColumns {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JsonMapper mapper;

    public JsonColumns(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Map<String, ?> value) {
        return mapper.writeValueAsString(value == null ? Map.of() : value);
    }

    /** Any value Jackson can write: a list, a record... */
    public String writeObject(Object value) {
        return mapper.writeValueAsString(value);
    }

    /** The value {@link #writeObject} wrote, read back as {@code type}. */
    public <T> T readObject(String json, Class<T> type) {
        return mapper.readValue(json, type);
    }

    public List<String> readStrings(String json) {
        return json == null ? List.of() : mapper.readValue(json, STRINGS);
    }

    public Map<String, Object> read(String json) {
        return json == null ? Map.of() : mapper.readValue(json, MAP);
    }
}
