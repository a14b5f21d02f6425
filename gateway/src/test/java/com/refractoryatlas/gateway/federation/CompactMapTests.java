package com.refractoryatlas.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class CompactMapTests {

    private static final JsonMapper JSON = new JsonMapper();

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 12, 13, 40})
    void behavesAsALinkedHashMapWhateverItsSize(int size) {
        var compact = new CompactMap(2);
        var reference = new LinkedHashMap<String, Object>();
        for (var i = 0; i < size; i++) {
            compact.put("k" + i, i);
            reference.put("k" + i, i);
        }
        compact.put("k0", "again");
        reference.put("k0", "again");
        compact.put("nothing", null);
        reference.put("nothing", null);
        compact.remove("k" + (size / 2));
        reference.remove("k" + (size / 2));

        assertThat(compact).isEqualTo(reference).hasSameHashCodeAs(reference);
        assertThat(compact.keySet()).containsExactlyElementsOf(reference.keySet());
        assertThat(compact.containsKey("nothing")).isTrue();
        assertThat(compact.get("k" + (size / 2))).isNull();
        assertThat(compact.get("k" + (size - 1))).isEqualTo(reference.get("k" + (size - 1)));
        assertThat(JSON.writeValueAsString(compact)).isEqualTo(JSON.writeValueAsString(reference));
    }

    @Test
    void entriesWriteThroughAndTheIteratorRemoves() {
        var compact = new CompactMap();
        compact.put("a", 1);
        compact.put("b", 2);
        compact.put("c", 3);

        compact.entrySet().forEach(entry -> entry.setValue(((Integer) entry.getValue()) * 10));
        compact.entrySet().removeIf(entry -> entry.getKey().equals("b"));

        assertThat(compact).containsExactly(Map.entry("a", 10), Map.entry("c", 30));
    }

    @Test
    void subgraphJsonReadsIntoTheValuesJacksonsUntypedBindingGives() {
        var body = """
                {"data":{"_entities":[{"__typename":"Product","upc":"1","price":899,"big":12345678901,
                "huge":123456789012345678901234567890,"ratio":0.5,"ok":true,"no":false,"none":null,
                "nested":[[1,2],[]],"text":"caf\\u00e9 \\"q\\""}]},"errors":[{"message":"m","path":["_entities",0]}]}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8);

        var compact = JsonTrees.read(JSON, body);
        var reference = JSON.readValue(body, Map.class);

        assertThat(compact).isEqualTo(reference);
        assertThat(((Map<?, ?>) compact).get("data")).isInstanceOf(CompactMap.class);
        assertThat(JSON.writeValueAsString(compact)).isEqualTo(JSON.writeValueAsString(reference));
    }

    @Test
    void malformedOrTruncatedJsonIsRefused() {
        for (var body : new String[] {"{\"data\":", "{\"data\":{}} {}", "", "{\"a\" 1}", "[1,2"}) {
            assertThatThrownBy(() -> JsonTrees.read(JSON, body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .as(body)
                    .isInstanceOf(JacksonException.class);
        }
        assertThat(JsonTrees.read(JSON, "null".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isNull();
    }

    @Test
    void deepNestingIsRefusedByTheParsersConstraintsNotByTheStack() {
        var deep = "[".repeat(100_000) + "]".repeat(100_000);

        assertThatThrownBy(() -> JsonTrees.read(JSON, deep.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(JacksonException.class);
    }
}
