package io.glossa.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glossa.testing.Property;
import io.glossa.testing.SyntheticCorpus;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A model file that is cut, has flipped bits, or has forged fields (with a checksum that matches, as an attacker
 * or a buggy writer would produce) is refused with a ModelFormatException and nothing else: no other exception,
 * no huge allocation.
 */
class ModelFilePropertiesTest {
    private static final int PREAMBLE = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static byte[] valid;
    /** Offsets of the u32 length fields: header length, section count, each section's raw and stored length. */
    private static List<Integer> lengthFields;

    @BeforeAll
    static void build() {
        var trained = SyntheticCorpus.train();
        valid = ModelFile.toBytes(trained.metadata(), trained.weights());
        lengthFields = lengthFields(valid);
    }

    @Test
    void everyTruncationIsRefused() {
        Property.forAll(
                600, random -> Arrays.copyOf(valid, random.nextInt(valid.length)), ModelFilePropertiesTest::refused);
    }

    @Test
    void everyBitFlipIsRefused() {
        Property.forAll(
                1_000,
                random -> {
                    byte[] bytes = valid.clone();
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                    return bytes;
                },
                ModelFilePropertiesTest::refused);
    }

    @Test
    void forgedLengthFieldsWithAMatchingChecksumAreRefused() {
        int[] forged = {0, 1, 3, 0x7fffffff, 0xffffffff, 0x80000000, 64, 65, 1 << 30};
        Property.forAll(
                600,
                random -> {
                    byte[] bytes = valid.clone();
                    int at = lengthFields.get(random.nextInt(lengthFields.size()));
                    int value = random.nextBoolean() ? forged[random.nextInt(forged.length)] : random.nextInt();
                    ByteBuffer.wrap(bytes).putInt(at, value);
                    return resign(bytes);
                },
                ModelFilePropertiesTest::loadsOrIsRefused);
    }

    @Test
    void randomBytesWithAMatchingChecksumLoadOrAreRefused() {
        Property.forAll(
                1_000,
                random -> {
                    byte[] bytes = valid.clone();
                    for (int i = 1 + random.nextInt(8); i > 0; i--) {
                        bytes[PREAMBLE + random.nextInt(bytes.length - PREAMBLE - 4)] = (byte) random.nextInt();
                    }
                    return resign(bytes);
                },
                ModelFilePropertiesTest::loadsOrIsRefused);
    }

    /** The JSON header with one value replaced by a value of another kind or size, or removed. */
    @Test
    void forgedHeadersWithAMatchingChecksumLoadOrAreRefused() throws Exception {
        JsonNode header = JSON.readTree(Arrays.copyOfRange(
                valid, PREAMBLE + 4, PREAMBLE + 4 + ByteBuffer.wrap(valid).getInt(PREAMBLE)));
        Property.forAll(
                1_000,
                random -> {
                    JsonNode copy = header.deepCopy();
                    forge(copy, random);
                    try {
                        return withHeader(JSON.writeValueAsBytes(copy));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                ModelFilePropertiesTest::loadsOrIsRefused);
    }

    private static void refused(byte[] bytes) {
        try {
            LanguageModel.fromBytes(bytes);
            throw new AssertionError("a damaged model file was loaded");
        } catch (ModelFormatException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    private static void loadsOrIsRefused(byte[] bytes) {
        try {
            LanguageModel model = LanguageModel.fromBytes(bytes);
            model.predict("kakiko turan", 3);
        } catch (ModelFormatException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    private static void forge(JsonNode root, Random random) {
        List<Map.Entry<ObjectNode, String>> fields = new ArrayList<>();
        collect(root, fields);
        Map.Entry<ObjectNode, String> field = fields.get(random.nextInt(fields.size()));
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode[] values = {
            f.nullNode(),
            f.textNode(""),
            f.textNode("x".repeat(random.nextInt(100))),
            f.numberNode(-1),
            f.numberNode(0),
            f.numberNode(Long.MAX_VALUE),
            f.numberNode(Integer.MAX_VALUE),
            f.numberNode(1e308),
            f.numberNode(-0.5),
            f.booleanNode(true),
            f.arrayNode(),
            f.objectNode(),
            f.numberNode(random.nextInt(64))
        };
        if (random.nextInt(6) == 0) {
            field.getKey().remove(field.getValue());
        } else {
            field.getKey().set(field.getValue(), values[random.nextInt(values.length)]);
        }
    }

    private static void collect(JsonNode node, List<Map.Entry<ObjectNode, String>> out) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                out.add(Map.entry(object, name));
                collect(object.get(name), out);
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(item -> collect(item, out));
        }
    }

    private static byte[] withHeader(byte[] header) {
        int oldLength = ByteBuffer.wrap(valid).getInt(PREAMBLE);
        int restFrom = PREAMBLE + 4 + oldLength;
        int restLength = valid.length - restFrom; // sections and checksum
        ByteBuffer out = ByteBuffer.allocate(PREAMBLE + 4 + header.length + restLength);
        out.put(valid, 0, PREAMBLE).putInt(header.length).put(header).put(valid, restFrom, restLength);
        out.putLong(12, out.capacity());
        return resign(out.array());
    }

    private static byte[] resign(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
        return bytes;
    }

    private static List<Integer> lengthFields(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        List<Integer> out = new ArrayList<>();
        out.add(PREAMBLE);
        int at = PREAMBLE + 4 + in.getInt(PREAMBLE);
        out.add(at);
        int sections = in.getInt(at);
        at += 4;
        for (int s = 0; s < sections; s++) {
            out.add(at + 5);
            out.add(at + 9);
            at += 13 + in.getInt(at + 9);
        }
        assertThat(at).isEqualTo(bytes.length - 4);
        return out;
    }
}
