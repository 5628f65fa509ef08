package newsroom.fetching;

/** Reads a response's declared charset. */
final class Charsets {

    private Charsets() {
    }

    static String decode(byte[] body, String contentType) {
        throw new UnsupportedOperationException("TODO");
    }

    static boolean isHtml(byte[] body, String contentType) {
        throw new UnsupportedOperationException("TODO");
    }
}
