package io.glossa.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.testing.NastyJson;
import io.glossa.testing.NastyText;
import io.glossa.testing.Property;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Whatever arrives on the jobs queue, the codec answers a job or a MalformedMessageException, nothing else. */
class JobMessageCodecPropertiesTest {
    private final JobMessageCodec codec = new JobMessageCodec(64 * 1024);
    private final byte[] valid = JobMessageCodec.encode(
            UUID.fromString("0b0e5a5e-2f5c-4c36-9f3e-0d8f5d3b6a11"), "Det var en gång en liten flicka");

    @Test
    void arbitraryBytesAreAJobOrMalformed() {
        Property.forAll(3_000, random -> NastyJson.any(random, valid), body -> {
            try {
                JobMessage job = codec.decode(body);
                assertThat(job.id()).isNotNull();
                assertThat(job.text()).isNotBlank();
            } catch (MalformedMessageException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        });
    }

    @Test
    void everyEncodedJobDecodesToItself() {
        Property.forAll(
                1_000,
                random -> new JobMessage(
                        new UUID(random.nextLong(), random.nextLong()),
                        "x" + NastyText.of(random, random.nextInt(200))),
                job -> {
                    assertThat(codec.decode(JobMessageCodec.encode(job.id(), job.text())))
                            .isEqualTo(job);
                });
    }

    @Test
    void bodiesOverTheLimitAreMalformedBeforeParsing() {
        Property.forAll(
                50,
                random -> NastyJson.randomBytes(random, codec.maxBodyBytes() + 1 + random.nextInt(1 << 20)),
                body -> {
                    try {
                        codec.decode(body);
                        throw new AssertionError("accepted " + body.length + " bytes");
                    } catch (MalformedMessageException e) {
                        assertThat(e.getMessage()).contains("exceeds the limit");
                    }
                });
    }
}
