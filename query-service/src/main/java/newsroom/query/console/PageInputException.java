package newsroom.query.console;

/** A page's parameter the console cannot use; answered 400 with the message, which names the field. */
class PageInputException extends RuntimeException {

    PageInputException(String field, String problem) {
        super(field + ": " + problem);
    }
}
