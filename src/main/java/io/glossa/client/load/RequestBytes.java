package io.glossa.client.load;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of each submission request, whole (head and JSON body), so the load tool builds no JSON tree and no
 * String per request: every text's JSON string is encoded once, the first time the cycle reaches it, and with one
 * text per request the whole request is kept and sent again each time the cycle comes round.
 */
final class RequestBytes {
    private static final byte[] SINGLE_START = "{\"text\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BATCH_START = "{\"lane\":\"realtime\",\"texts\":[".getBytes(StandardCharsets.US_ASCII);

    private final TextSource texts;
    private final int batch;
    /** The head up to and including "Content-Length: ". */
    private final byte[] headStart;
    /** batch 1: each text's whole request; batch > 1: each text's JSON string, quotes included. */
    private final byte[][] cache;

    RequestBytes(LoadSettings settings, TextSource texts) {
        this.texts = texts;
        this.batch = settings.batch();
        String path = settings.resolve(batch == 1 ? "/api/v1/texts" : "/api/v1/texts:batch")
                .getRawPath();
        this.headStart = ("POST " + path + " HTTP/1.1\r\n" + PlainHttpConnection.hostHeader(settings.baseUrl())
                        + settings.apiKey().headerLine()
                        + "Content-Type: application/json\r\nAccept: application/json\r\nContent-Length: ")
                .getBytes(StandardCharsets.ISO_8859_1);
        this.cache = new byte[texts.size()][];
    }

    /** The request for texts {@code first} to {@code first + n - 1} of the run. */
    byte[] request(long first, int n) {
        if (batch == 1) {
            int index = index(first);
            byte[] request = cache[index];
            if (request == null) {
                request = build(first, 1);
                cache[index] = request;
            }
            return request;
        }
        return build(first, n);
    }

    private byte[] build(long first, int n) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 + 128 * n);
        if (batch == 1) {
            body.writeBytes(SINGLE_START);
            body.writeBytes(quoted(index(first)));
            body.write('}');
        } else {
            body.writeBytes(BATCH_START);
            for (int k = 0; k < n; k++) {
                if (k > 0) {
                    body.write(',');
                }
                body.writeBytes(textJson(index(first + k)));
            }
            body.write(']');
            body.write('}');
        }
        byte[] length = (body.size() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream request = new ByteArrayOutputStream(headStart.length + length.length + body.size());
        request.writeBytes(headStart);
        request.writeBytes(length);
        request.writeBytes(body.toByteArray());
        return request.toByteArray();
    }

    private byte[] textJson(int index) {
        byte[] json = cache[index];
        if (json == null) {
            json = quoted(index);
            cache[index] = json;
        }
        return json;
    }

    private byte[] quoted(int index) {
        byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(texts.text(index));
        byte[] json = new byte[escaped.length + 2];
        json[0] = '"';
        System.arraycopy(escaped, 0, json, 1, escaped.length);
        json[json.length - 1] = '"';
        return json;
    }

    private int index(long i) {
        return (int) (i % texts.size());
    }
}
