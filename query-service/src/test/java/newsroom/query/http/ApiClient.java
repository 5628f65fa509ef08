package newsroom.query.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The JSON API as a script calls it: plain HTTP GETs with the JDK's client, answers read back
 * into the contract's messages with the proto3 JSON parser.
 *
 * @param base  the server's root URI
 * @param key   the API key sent as "Authorization: Bearer", or null for none
 */
record ApiClient(URI base, String key) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ApiClient withKey(String other) {
        return new ApiClient(base, other);
    }

    /** GETs {@code pathAndQuery} (already URL-encoded) with the extra headers given as name, value, ... */
    HttpResponse<String> get(String pathAndQuery, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(60));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GETs a 200 JSON answer as the message {@code type}. */
    <M extends Message> M getJson(String pathAndQuery, M type) {
        HttpResponse<String> response = get(pathAndQuery);
        assertEquals(200, response.statusCode(), () -> pathAndQuery + ": " + response.body());
        assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
        return parse(response.body(), type);
    }

    /** GETs an error answer, checks its HTTP code and google.rpc.Status body, and returns the status. */
    Status getError(String pathAndQuery, int httpCode, io.grpc.Status.Code code, String messageStart) {
        HttpResponse<String> response = get(pathAndQuery);
        assertEquals(httpCode, response.statusCode(), () -> pathAndQuery + ": " + response.body());
        assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"details\": []"), response.body());
        Status status = parse(response.body(), Status.getDefaultInstance());
        assertEquals(code.value(), status.getCode(), response.body());
        assertTrue(status.getMessage().startsWith(messageStart),
                () -> "message '" + status.getMessage() + "' should start with '" + messageStart + "'");
        return status;
    }

    /** GETs a CSV answer as its lines, header first. */
    List<String> getCsv(String pathAndQuery) {
        HttpResponse<String> response = get(pathAndQuery);
        assertEquals(200, response.statusCode(), () -> pathAndQuery + ": " + response.body());
        assertEquals("text/csv; charset=utf-8; header=present", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().endsWith("\r\n"), "ends with a line break");
        return List.of(response.body().split("\r\n"));
    }

    @SuppressWarnings("unchecked")
    static <M extends Message> M parse(String json, M type) {
        Message.Builder builder = type.newBuilderForType();
        try {
            JsonFormat.parser().merge(json, builder);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("not the proto3 JSON of " + type.getDescriptorForType().getName() + ": " + json, e);
        }
        return (M) builder.build();
    }
}
