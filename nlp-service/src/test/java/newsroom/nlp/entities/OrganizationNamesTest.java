package newsroom.nlp.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import newsroom.nlp.text.ParsedText;
import newsroom.nlp.text.Token;
import newsroom.nlp.text.Tokens;
import org.junit.jupiter.api.Test;

class OrganizationNamesTest {

    private final OrganizationNames organizations = new OrganizationNames();

    /**
     * The names of a tagged sentence as NER's entity mentions would give them: runs of tokens
     * with one name tag (an entity type per {@link EntityType#fromNerTag}), then the joined names.
     */
    private List<String> joined(String tagged) {
        Tokens t = Tokens.of(tagged);
        List<NameMention> names = new ArrayList<>();
        List<Token> tokens = t.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            var type = EntityType.fromNerTag(tokens.get(i).ner());
            if (type.isEmpty()) {
                continue;
            }
            int j = i;
            while (j + 1 < tokens.size() && tokens.get(j + 1).ner().equals(tokens.get(i).ner())) {
                j++;
            }
            int begin = tokens.get(i).begin();
            int end = tokens.get(j).end();
            names.add(new NameMention(t.text().substring(begin, end), begin, end, type.get()));
            i = j;
        }
        List<NameMention> result = organizations.join(names, new ParsedText(t.text(), t.sentences()));
        for (NameMention n : result) {
            assertEquals(t.text().substring(n.begin(), n.end()), n.text());
        }
        return result.stream().map(n -> n.type() + " " + n.text()).toList();
    }

    @Test
    void aPersonOrPlaceInsideAnInstituteOrUniversityIsPartOfIt() {
        assertEquals(List.of("ORGANIZATION Max Planck Institute for Human Development"), joined(
                "at/IN the/DT Max/NNP/max/PERSON Planck/NNP/planck/PERSON Institute/NNP/institute/ORGANIZATION"
                        + " for/IN Human/NNP Development/NNP said/VBD ./."));
        // Tokens writes a space before every token, the comma included.
        assertEquals(List.of("ORGANIZATION University of California , Berkeley"), joined(
                "the/DT University/NNP of/IN California/NNP/california/STATE_OR_PROVINCE ,/, Berkeley/NNP/berkeley/CITY"
                        + " said/VBD ./."));
        assertEquals(List.of("ORGANIZATION University of California , Berkeley"), joined(
                "the/DT University/NNP/university/ORGANIZATION of/IN/of/ORGANIZATION California/NNP/california/ORGANIZATION"
                        + " ,/, Berkeley/NNP/berkeley/CITY ,/, last/JJ/last/DATE month/NN/month/DATE ./."));
        // A city beside a university without a complement is where it is, not a campus.
        assertEquals(List.of("ORGANIZATION Harvard University", "GPE Cambridge"), joined(
                "Harvard/NNP/harvard/ORGANIZATION University/NNP/university/ORGANIZATION ,/, Cambridge/NNP/cambridge/CITY"
                        + " ,/, said/VBD ./."));
        assertEquals(List.of("ORGANIZATION University of Texas at Austin"), joined(
                "the/DT University/NNP of/IN Texas/NNP/texas/STATE_OR_PROVINCE at/IN Austin/NNP/austin/CITY said/VBD ./."));
    }

    @Test
    void humanitarianAndForeignLanguageNamesAreOneOrganization() {
        assertEquals(List.of("ORGANIZATION International Committee of the Red Cross"), joined(
                "the/DT International/NNP/international/ORGANIZATION Committee/NNP/committee/ORGANIZATION of/IN the/DT"
                        + " Red/NNP/red/ORGANIZATION Cross/NNP/cross/ORGANIZATION said/VBD ./."));
        assertEquals(List.of("ORGANIZATION Médecins Sans Frontières"), joined(
                "Médecins/NNP/médecins/PERSON Sans/NNP/sans/O Frontières/NNP/frontières/LOCATION said/VBD ./."));
        assertEquals(List.of("ORGANIZATION Universidad Nacional Autónoma de México"), joined(
                "the/DT Universidad/NNP Nacional/NNP Autónoma/NNP de/IN México/NNP/méxico/COUNTRY said/VBD ./."));
        assertEquals(List.of("PERSON Ayesha Khan", "ORGANIZATION Norwegian Refugee Council"), joined(
                "Ayesha/NNP/ayesha/PERSON Khan/NNP/khan/PERSON of/IN the/DT Norwegian/JJ/norwegian/NATIONALITY"
                        + " Refugee/NNP/refugee/ORGANIZATION Council/NNP/council/ORGANIZATION said/VBD ./."));
        assertEquals(List.of("ORGANIZATION Organisation for Security and Cooperation", "LOCATION Europe"), joined(
                "the/DT Organisation/NNP/organisation/ORGANIZATION for/IN Security/NNP and/CC Cooperation/NNP"
                        + " in/IN Europe/NNP/europe/LOCATION ./."));
    }

    @Test
    void aNamePersonTaggedWholeBecomesAnOrganizationAndTwoNamesRunTogetherAreSplit() {
        assertEquals(List.of("ORGANIZATION Médecins Sans Frontières"), joined(
                "Médecins/NNP/médecins/PERSON Sans/NNP/sans/PERSON Frontières/NNP/frontières/PERSON said/VBD ./."));
        assertEquals(List.of("ORGANIZATION Max Planck Institute for Human Development",
                "ORGANIZATION International Committee of the Red Cross"), joined(
                "the/DT Max/NNP/max/ORGANIZATION Planck/NNP/planck/ORGANIZATION Institute/NNP/institute/ORGANIZATION"
                        + " for/IN/for/ORGANIZATION Human/NNP/human/ORGANIZATION Development/NNP/development/ORGANIZATION"
                        + " and/CC/and/ORGANIZATION the/DT/the/ORGANIZATION International/NNP/international/ORGANIZATION"
                        + " Committee/NNP/committee/ORGANIZATION of/IN/of/ORGANIZATION the/DT/the/ORGANIZATION"
                        + " Red/NNP/red/ORGANIZATION Cross/NNP/cross/ORGANIZATION ./."));
        assertEquals(List.of("ORGANIZATION International Federation of Red Cross and Red Crescent Societies"), joined(
                "the/DT International/NNP/international/ORGANIZATION Federation/NNP/federation/ORGANIZATION"
                        + " of/IN/of/ORGANIZATION Red/NNP/red/ORGANIZATION Cross/NNP/cross/ORGANIZATION"
                        + " and/CC/and/ORGANIZATION Red/NNP/red/ORGANIZATION Crescent/NNP/crescent/ORGANIZATION"
                        + " Societies/NNPS/society/ORGANIZATION ./."));
    }

    @Test
    void personsSecondOrganisationsCountriesAndUnseenNamesStayApart() {
        assertEquals(List.of("ORGANIZATION Council of Europe", "ORGANIZATION NATO"), joined(
                "the/DT Council/NNP/council/ORGANIZATION of/IN Europe/NNP/europe/LOCATION and/CC NATO/NNP/nato/ORGANIZATION ./."));
        assertEquals(List.of("ORGANIZATION Council", "PERSON Sergey Lavrov"), joined(
                "the/DT Council/NNP/council/ORGANIZATION of/IN Sergey/NNP/sergey/PERSON Lavrov/NNP/lavrov/PERSON ./."));
        assertEquals(List.of("MISC British"), joined(
                "the/DT Association/NNP of/IN British/JJ/british/NATIONALITY insurers/NNS warned/VBD ./."));
        assertEquals(List.of("ORGANIZATION University of Alabama", "ORGANIZATION Birmingham School of Nursing"), joined(
                "the/DT University/NNP/university/ORGANIZATION of/IN Alabama/NNP/alabama/ORGANIZATION at/IN"
                        + " Birmingham/NNP/birmingham/ORGANIZATION School/NNP/school/ORGANIZATION of/IN/of/ORGANIZATION"
                        + " Nursing/NNP/nursing/ORGANIZATION ./."));
        assertEquals(List.of("MISC Russian"), joined("the/DT Russian/JJ/russian/NATIONALITY Federation/NNP said/VBD ./."));
        assertEquals(List.of(), joined("the/DT Refugee/NNP Council/NNP said/VBD ./."));
        assertEquals(List.of("ORGANIZATION Security Council"), joined(
                "the/DT Security/NNP/security/ORGANIZATION Council/NNP/council/ORGANIZATION on/IN Monday/NNP/monday/DATE ./."));
        // A title-case headline does not run on after an English head.
        assertEquals(List.of("ORGANIZATION Security Council", "LOCATION Embassy"), joined(
                "Security/NNP/security/ORGANIZATION Council/NNP/council/ORGANIZATION Condemns/NNP Attack/NNP on/IN"
                        + " Embassy/NNP/embassy/LOCATION"));
    }
}
