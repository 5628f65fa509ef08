package newsroom.nlp.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The KBP gazetteer on sentences written for this test, each token given as
 * word/POS/coarse-NER the way CoreNLP's statistical NER would leave it.
 */
class KbpGazetteerTest {

    private static KbpGazetteer gazetteer;

    @BeforeAll
    static void load() {
        gazetteer = KbpGazetteer.load();
    }

    /** "word/TAG/NER ..." in, the NER labels after the gazetteer out. */
    private static String[] relabel(String sentence) {
        List<String> words = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        List<String> ner = new ArrayList<>();
        for (String token : sentence.split(" ")) {
            String[] parts = token.split("/");
            words.add(parts[0]);
            tags.add(parts[1]);
            ner.add(parts[2]);
        }
        String[] labels = ner.toArray(String[]::new);
        gazetteer.relabel(words, tags, labels);
        return labels;
    }

    @Test
    void readsBothListsOfTheModelsJar() {
        assertTrue(gazetteer.size() > 580_000, "entries: " + gazetteer.size());
    }

    @Test
    void aPlaceNerFoundBecomesACityOrCountry() {
        assertArrayEquals(new String[] {"O", "O", "O", "CITY", "O", "COUNTRY", "O"},
                relabel("The/DT/O visitor/NN/O flew/VBD/O Lyon/NNP/LOCATION and/CC/O Jordan/NNP/LOCATION today/NN/O"));
    }

    @Test
    void aTitleBeforeANameIsTaggedAndTheNameKept() {
        assertArrayEquals(new String[] {"TITLE", "PERSON", "PERSON", "O"},
                relabel("President/NNP/O Ana/NNP/PERSON Lopez/NNP/PERSON spoke/VBD/O"));
    }

    @Test
    void aNationalityOverwritesMisc() {
        assertArrayEquals(new String[] {"O", "NATIONALITY", "O"}, relabel("the/DT/O French/JJ/MISC team/NN/O"));
    }

    @Test
    void theLongestEntryWinsOverItsParts() {
        assertArrayEquals(new String[] {"O", "TITLE", "TITLE", "O"},
                relabel("the/DT/O prime/JJ/O minister/NN/O said/VBD/O"));
        assertArrayEquals(new String[] {"O", "CITY", "CITY", "CITY"},
                relabel("in/IN/O New/NNP/LOCATION York/NNP/LOCATION City/NNP/LOCATION"));
    }

    @Test
    void anEntryNeverOverwritesAPersonOrOrganizationItDoesNotName() {
        // "jordan" is a COUNTRY entry that may only overwrite LOCATION.
        assertArrayEquals(new String[] {"PERSON", "PERSON", "O"},
                relabel("Michael/NNP/PERSON Jordan/NNP/PERSON played/VBD/O"));
        assertArrayEquals(new String[] {"PERSON", "O"}, relabel("Jordan/NNP/PERSON played/VBD/O"));
        // "washington" (STATE_OR_PROVINCE) inside an organisation's name: the match would cut across it.
        assertArrayEquals(new String[] {"ORGANIZATION", "ORGANIZATION", "ORGANIZATION"},
                relabel("University/NNP/ORGANIZATION of/IN/ORGANIZATION Washington/NNP/ORGANIZATION"));
    }

    @Test
    void cityEntriesOnlyRelabelWhatTheyNameAsOverwritable() {
        // CITY is CoreNLP's noDefaultOverwriteLabels: a word NER left O is not made a city.
        assertArrayEquals(new String[] {"O", "O"}, relabel("visit/VB/O paris/NN/O"));
    }

    @Test
    void aMatchNeedsANounOrAdjective() {
        assertArrayEquals(new String[] {"O", "O", "O"}, relabel("to/TO/O murder/VB/O him/PRP/O"));
        assertArrayEquals(new String[] {"O", "CRIMINAL_CHARGE"}, relabel("for/IN/O murder/NN/O"));
    }

    @Test
    void tokenPatternsThatAreRegularExpressionsMatch() {
        assertArrayEquals(new String[] {"O", "STATE_OR_PROVINCE"}, relabel("Fresno/NNP/O Calif./NNP/LOCATION"));
        assertArrayEquals(new String[] {"TITLE", "TITLE", "TITLE", "O"},
                relabel("secretary/NN/O of/IN/O agriculture/NN/O resigned/VBD/O"));
    }
}
