package io.glossa.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.glossa.testing.Property;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The model header's JSON reader: the grammar, what it refuses, and the same values as Jackson reads. */
class HeaderJsonTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Test
    void readsEveryKindOfValueInOrder() throws IOException {
        Object value = parse(" {\"s\": \"a\\\"b\\\\c\\/\\n\\t\\u00e9\\ud83d\\ude00\", \"i\": -42, \"d\": 1.5e-3,"
                + " \"z\": 0, \"t\": true, \"f\": false, \"n\": null, \"l\": [1, [], {}], \"o\": {\"k\": \"v\"}}\r\n");

        assertThat(value).isInstanceOf(LinkedHashMap.class);
        Map<?, ?> map = (Map<?, ?>) value;
        assertThat(List.copyOf(map.keySet())).isEqualTo(List.of("s", "i", "d", "z", "t", "f", "n", "l", "o"));
        assertThat(map.get("s")).isEqualTo("a\"b\\c/\n\té😀");
        assertThat(map.get("i")).isEqualTo(-42L);
        assertThat(map.get("d")).isEqualTo(0.0015);
        assertThat(map.get("z")).isEqualTo(0L);
        assertThat(map.get("t")).isEqualTo(true);
        assertThat(map.get("f")).isEqualTo(false);
        assertThat(map.containsKey("n")).isTrue();
        assertThat(map.get("n")).isNull();
        assertThat(map.get("l")).isEqualTo(List.of(1L, List.of(), Map.of()));
        assertThat(map.get("o")).isEqualTo(Map.of("k", "v"));
    }

    @Test
    void readsTheDefaultModelsHeaderAsJacksonDoes() throws IOException {
        byte[] file;
        try (InputStream in = LanguageModel.class.getResourceAsStream(LanguageModel.DEFAULT_RESOURCE)) {
            file = in.readAllBytes();
        }
        int length = ByteBuffer.wrap(file).getInt(ModelFile.PREAMBLE);
        byte[] header = Arrays.copyOfRange(file, ModelFile.PREAMBLE + 4, ModelFile.PREAMBLE + 4 + length);

        assertThat(HeaderJson.parse(header)).isEqualTo(plain(JACKSON.readValue(header, Object.class)));
    }

    @Test
    void anyJsonJacksonWritesReadsBackAsJacksonReadsIt() {
        Property.forAll(500, random -> randomValue(random, 0), value -> {
            byte[] json = JACKSON.writeValueAsBytes(value);
            assertThat(HeaderJson.parse(json)).isEqualTo(plain(JACKSON.readValue(json, Object.class)));
        });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "``                      | ends where a value was expected",
                "`{\"a\": 1,}`           | expected a quoted key",
                "[1,]                    | unexpected ']'",
                "[1 2]                   | expected ']'",
                "`{\"a\" 1}`             | expected ':'",
                "`{\"a\": 1`             | ends where '}' was expected",
                "`{\"a\": 1, \"a\": 2}`  | the key \"a\" appears twice",
                "`{'a': 1}`              | expected a quoted key",
                "01                      | leading zero",
                "1.                      | needs a digit",
                ".5                      | unexpected '.'",
                "-                       | needs a digit",
                "1e                      | needs a digit",
                "NaN                     | unexpected 'N'",
                "-Infinity               | needs a digit",
                "tru                     | unexpected 't'",
                "99999999999999999999    | out of range",
                "1e400                   | out of range",
                "`\"abc`                 | not closed",
                "`\"a\\x\"`              | unknown escape",
                "`\"\\u12\"`             | four hex digits",
                "`{\"a\": 1} x`          | unexpected text after the JSON value",
            })
    void refusesWhatIsNotJsonSayingWhere(String json, String reason) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(reason)
                .hasMessageContaining("(character ");
    }

    @Test
    void refusesRawControlCharactersInStrings() {
        assertThatThrownBy(() -> parse("\"a\tb\"")).hasMessageContaining("control character");
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] json = {'"', (byte) 0xC3, '"'};
        assertThatThrownBy(() -> HeaderJson.parse(json)).hasMessage("it is not valid UTF-8");
    }

    @Test
    void refusesNestingDeeperThanTheLimitAndReadsItAtTheLimit() throws IOException {
        int limit = HeaderJson.MAX_DEPTH;
        assertThat(parse("[".repeat(limit) + "]".repeat(limit))).isInstanceOf(List.class);
        assertThatThrownBy(() -> parse("[".repeat(limit + 1) + "]".repeat(limit + 1)))
                .hasMessageContaining("nest deeper than " + limit);
    }

    private static Object parse(String json) throws IOException {
        return HeaderJson.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Jackson's untyped values with every integer as a long, the only integer type HeaderJson gives. */
    private static Object plain(Object jackson) {
        if (jackson instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, plain(v)));
            return out;
        }
        if (jackson instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(plain(v)));
            return out;
        }
        if (jackson instanceof Integer i) {
            return i.longValue();
        }
        return jackson;
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 5 : 7);
        return switch (kind) {
            case 0 -> randomString(random);
            case 1 -> random.nextLong() >> random.nextInt(64);
            case 2 ->
                switch (random.nextInt(4)) {
                    case 0 -> random.nextDouble();
                    case 1 -> random.nextGaussian() * Math.pow(10, random.nextInt(600) - 300);
                    case 2 -> (double) random.nextInt(1000);
                    default -> -random.nextFloat();
                };
            case 3 -> random.nextBoolean();
            case 4 -> null;
            case 5 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    list.add(randomValue(random, depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    map.put(randomString(random), randomValue(random, depth + 1));
                }
                yield map;
            }
        };
    }

    private static String randomString(Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            out.appendCodePoint(
                    switch (random.nextInt(4)) {
                        case 0 -> random.nextInt(0x20); // control characters: escaped by the writer
                        case 1 -> 0x20 + random.nextInt(0x60);
                        case 2 -> 0xA0 + random.nextInt(0xD000);
                        default -> 0x10000 + random.nextInt(0x10000);
                    });
        }
        return out.toString();
    }
}
