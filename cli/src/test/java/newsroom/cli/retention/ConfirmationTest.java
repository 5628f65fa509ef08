package newsroom.cli.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The question {@code newsroom retention} asks at a terminal: only yes goes on. */
class ConfirmationTest {

    @Test
    void yesOrYInAnyCaseGoesOn() throws IOException {
        for (String answer : new String[] {"yes\n", "y\n", " YES \n", "Y"}) {
            assertTrue(ask(answer), answer);
        }
    }

    @Test
    void anythingElseAnEmptyLineOrTheEndOfInputDoesNot() throws IOException {
        for (String answer : new String[] {"no\n", "\n", "", "yess\n", "sure\n", "n\n"}) {
            assertFalse(ask(answer), answer);
        }
    }

    @Test
    void theQuestionSaysWhatToType() throws IOException {
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        Confirmation.ask("Remove 2 months for good?", new BufferedReader(new StringReader("y\n")),
                new PrintStream(shown, true, StandardCharsets.UTF_8));
        assertEquals("Remove 2 months for good? Type yes to go on: ", shown.toString(StandardCharsets.UTF_8));
    }

    private static boolean ask(String answer) throws IOException {
        return Confirmation.ask("Remove?", new BufferedReader(new StringReader(answer)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }
}
