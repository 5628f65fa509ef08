package newsroom.query.http;

/** A query parameter or path variable the API cannot take: answered 400 INVALID_ARGUMENT, naming it. */
final class BadParameterException extends RuntimeException {

    BadParameterException(String parameter, String problem) {
        super(parameter + " " + problem);
    }
}
