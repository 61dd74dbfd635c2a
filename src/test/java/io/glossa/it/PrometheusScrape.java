package io.glossa.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One scrape of a /metrics page in the Prometheus text format, with lookups by name and labels. */
record PrometheusScrape(List<Sample> samples, String text) {
    record Sample(String name, Map<String, String> labels, double value) {}

    static PrometheusScrape of(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("/metrics on port " + port + " answered " + response.statusCode());
        }
        return parse(response.body());
    }

    static PrometheusScrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String series = line.substring(0, space);
            double value = Double.parseDouble(line.substring(space + 1).replace("+Inf", "Infinity"));
            int brace = series.indexOf('{');
            String name = brace < 0 ? series : series.substring(0, brace);
            samples.add(new Sample(
                    name, brace < 0 ? Map.of() : labels(series.substring(brace + 1, series.length() - 1)), value));
        }
        return new PrometheusScrape(samples, text);
    }

    /** Micrometer writes {@code k="v",k2="v2"}; glossa's label values contain no quotes or commas. */
    private static Map<String, String> labels(String inner) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String pair : inner.split(",")) {
            if (!pair.isBlank()) {
                int eq = pair.indexOf('=');
                labels.put(pair.substring(0, eq), pair.substring(eq + 2, pair.length() - 1));
            }
        }
        return labels;
    }

    /** Samples named {@code name} whose labels include the given {@code key, value, ...} pairs. */
    List<Sample> find(String name, String... labelPairs) {
        return samples.stream()
                .filter(s -> s.name().equals(name) && matches(s.labels(), labelPairs))
                .toList();
    }

    /** The value of the one sample that matches; fails naming the series when there is none or several. */
    double value(String name, String... labelPairs) {
        List<Sample> found = find(name, labelPairs);
        if (found.size() != 1) {
            throw new AssertionError(
                    found.size() + " samples of " + name + " " + List.of(labelPairs) + " in:\n" + text);
        }
        return found.get(0).value();
    }

    /** The sum over every matching sample, 0 when none. */
    double sum(String name, String... labelPairs) {
        return find(name, labelPairs).stream().mapToDouble(Sample::value).sum();
    }

    private static boolean matches(Map<String, String> labels, String[] pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (!pairs[i + 1].equals(labels.get(pairs[i]))) {
                return false;
            }
        }
        return true;
    }
}
