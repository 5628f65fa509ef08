package newsroom.cli.query;

/** Search snippets mark matches with {@code <b>...</b>}: bold on a terminal, *stars* elsewhere. */
final class Snippets {

    private Snippets() {
    }

    static String forTerminal(String snippet) {
        boolean terminal = System.console() != null && System.getenv("NO_COLOR") == null;
        return terminal
                ? snippet.replace("<b>", "\033[1m").replace("</b>", "\033[0m")
                : snippet.replace("<b>", "*").replace("</b>", "*");
    }
}
