package newsroom.e2e;

import java.util.Set;
import java.util.concurrent.Callable;

/**
 * One hostile request and what a careful service answers to it.
 *
 * @param name       what the request is, as the test report shows it
 * @param send       sends it and says what came back
 * @param acceptable the answers' codes that are right ({@link Answer#code})
 * @param mention    what the answer's message must name (the field, the limit), or empty for no check
 */
record HostileInput(String name, Callable<Answer> send, Set<String> acceptable, String mention) {

    /**
     * What a service answered: a gRPC status code's name ("INVALID_ARGUMENT", "OK"), "REJECTED"
     * for a bulk stream that rejected its every article, or "HTTP_4XX" and the like for plain HTTP.
     */
    record Answer(String code, String message) {

        @Override
        public String toString() {
            return code + (message.isEmpty() ? "" : ": " + message);
        }
    }
}
