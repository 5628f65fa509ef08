package newsroom.cli.sources;

import newsroom.cli.UserError;

/** The ID argument of the sources commands: a source's id, as {@code newsroom sources list} shows it. */
final class SourceId {

    private SourceId() {
    }

    /** @throws UserError when {@code text} is not a whole number from 1 up, before anything is sent */
    static long parse(String text) {
        try {
            long id = Long.parseLong(text.strip());
            if (id >= 1) {
                return id;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UserError("ID: '" + text + "' is not a source id (a whole number from 1 up, as"
                + " 'newsroom sources list' shows)");
    }
}
