package newsroom.query.http;

import io.grpc.Status;

/**
 * The HTTP status of each gRPC code, as google/rpc/code.proto maps them (and grpc-gateway and
 * Google's own HTTP APIs answer): one table, so the JSON API and its OpenAPI document agree.
 */
final class HttpCodes {

    private HttpCodes() {
    }

    static int of(Status.Code code) {
        return switch (code) {
            case OK -> 200;
            case CANCELLED -> 499;
            case UNKNOWN, INTERNAL, DATA_LOSS -> 500;
            case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> 400;
            case DEADLINE_EXCEEDED -> 504;
            case NOT_FOUND -> 404;
            case ALREADY_EXISTS, ABORTED -> 409;
            case PERMISSION_DENIED -> 403;
            case RESOURCE_EXHAUSTED -> 429;
            case UNIMPLEMENTED -> 501;
            case UNAVAILABLE -> 503;
            case UNAUTHENTICATED -> 401;
        };
    }
}
