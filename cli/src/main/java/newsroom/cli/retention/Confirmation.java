package newsroom.cli.retention;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;

/** A question a person answers at the terminal before something that cannot be undone. */
final class Confirmation {

    private Confirmation() {
    }

    /**
     * Asks {@code question} on {@code out} and reads one line from {@code in}: true for "yes" or
     * "y" (any case, spaces around), false for anything else, an empty line or the end of input.
     */
    static boolean ask(String question, BufferedReader in, PrintStream out) throws IOException {
        out.print(question + " Type yes to go on: ");
        out.flush();
        String answer = in.readLine();
        if (answer == null) {
            out.println();
            return false;
        }
        String word = answer.strip().toLowerCase(Locale.ROOT);
        return word.equals("yes") || word.equals("y");
    }
}
