package io.glossa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glossa.testing.Property;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pipeline's own ISO-8601 reader and writer give exactly what {@link Instant} gives. */
class UtcInstantsTest {
    private static final long YEAR_0000 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long YEAR_10000 =
            Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

    @Test
    void formatsAsInstantDoesAndReadsItBack() {
        Property.forAll(20_000, UtcInstantsTest::randomInstant, instant -> {
            String text = UtcInstants.format(instant);
            assertThat(text).isEqualTo(instant.toString());
            assertThat(UtcInstants.parse(text)).isEqualTo(instant);
        });
    }

    @Test
    void readsEveryFractionLengthAsInstantDoes() {
        Property.forAll(
                5_000,
                random -> {
                    String fraction =
                            Long.toString(random.nextLong() & Long.MAX_VALUE).substring(0, 1 + random.nextInt(9));
                    Instant common =
                            Instant.ofEpochSecond(YEAR_0000 + (long) (random.nextDouble() * (YEAR_10000 - YEAR_0000)));
                    return common.toString().substring(0, 19) + "." + fraction + "Z";
                },
                text -> assertThat(UtcInstants.parse(text)).isEqualTo(Instant.parse(text)));
    }

    @Test
    void saysWhichInstantsHaveAFourDigitYear() {
        assertThat(UtcInstants.hasFourDigitYear(Instant.parse("0000-01-01T00:00:00Z")))
                .isTrue();
        assertThat(UtcInstants.hasFourDigitYear(Instant.parse("9999-12-31T23:59:59.999999999Z")))
                .isTrue();
        assertThat(UtcInstants.hasFourDigitYear(Instant.parse("+10000-01-01T00:00:00Z")))
                .isFalse();
        assertThat(UtcInstants.hasFourDigitYear(Instant.parse("-0001-12-31T23:59:59Z")))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-12-08T04:21:30Z",
                "2024-02-29T23:59:59.999999999Z",
                "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.5Z",
                "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z",
                "-0001-12-31T23:59:59Z",
                "2026-12-08t04:21:30z",
                "1990-12-31T23:59:60Z",
                "2026-12-08T24:00:00Z",
                "2026-12-08T04:21:30.Z",
                "2026-12-08T04:21:30+01:00"
            })
    void readsAsInstantDoes(String text) {
        assertThat(UtcInstants.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "2026-12-08",
                "2026-12-08T04:21:30",
                "2026-02-29T00:00:00Z",
                "2026-13-01T00:00:00Z",
                "2026-00-01T00:00:00Z",
                "2026-04-31T00:00:00Z",
                "2026-12-08T04:60:00Z",
                "2026-12-08T04:21:30.1234567890Z",
                "2026-12-08 04:21:30Z",
                "2026-1a-08T04:21:30Z",
                "２０２６-12-08T04:21:30Z"
            })
    void refusesWhatInstantRefuses(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> UtcInstants.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    private static Instant randomInstant(Random random) {
        long seconds = switch (random.nextInt(4)) {
            case 0 -> YEAR_0000 + (long) (random.nextDouble() * (YEAR_10000 - YEAR_0000));
            case 1 -> 1_700_000_000L + random.nextInt(200_000_000); // the years glossa runs in
            case 2 -> random.nextBoolean() ? YEAR_0000 + random.nextInt(3) - 1 : YEAR_10000 + random.nextInt(3) - 1;
            default -> random.nextLong() % 1_000_000_000_000L; // far outside: Instant's own text
        };
        int nanos = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            default -> random.nextInt(1_000_000_000);
        };
        return Instant.ofEpochSecond(seconds, nanos);
    }
}
