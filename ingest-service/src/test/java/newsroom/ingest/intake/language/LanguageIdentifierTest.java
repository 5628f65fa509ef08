package newsroom.ingest.intake.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {

    static LanguageIdentifier languages;

    @BeforeAll
    static void loadModel() {
        languages = new LanguageIdentifier();
    }

    @Test
    void englishNewsIsEnglish() {
        assertEquals("en", languages.identify("""
                The foreign ministers of Pakistan and Russia met in Islamabad on Wednesday to discuss \
                trade, energy and the situation in Afghanistan, officials from both countries said."""));
    }

    @Test
    void frenchGermanAndSpanishNewsAreRecognised() {
        assertEquals("fr", languages.identify("""
                Le gouvernement a annoncé mercredi une hausse des aides pour les agriculteurs touchés par \
                la sécheresse, une mesure attendue depuis plusieurs semaines par les syndicats du secteur."""));
        assertEquals("de", languages.identify("""
                Die Bundesregierung hat am Mittwoch neue Hilfen für Landwirte beschlossen, die unter der \
                anhaltenden Trockenheit leiden, wie ein Sprecher des Ministeriums in Berlin mitteilte."""));
        assertEquals("es", languages.identify("""
                El Gobierno anunció el miércoles nuevas ayudas para los agricultores afectados por la sequía, \
                una medida que los sindicatos del sector reclamaban desde hace varias semanas."""));
    }

    @Test
    void englishProseIsRecognisedByItsFunctionWords() {
        assertTrue(LanguageIdentifier.readsAsEnglish("""
                The foreign ministers of Pakistan and Russia met in Islamabad on Wednesday to discuss \
                trade, energy and the situation in Afghanistan, officials from both countries said. They \
                have agreed that the talks would continue, and that their deputies would meet next month."""));
    }

    @Test
    void foreignProseIsLeftToTheModel() {
        String dutch = """
                Het kabinet heeft woensdag nieuwe steun voor boeren aangekondigd. Het is een maatregel die \
                al weken werd verwacht door de vakbonden, zei een woordvoerder in Den Haag. Het was nodig.""";
        for (String text : new String[] {"""
                Le gouvernement a annoncé mercredi une hausse des aides pour les agriculteurs touchés par \
                la sécheresse, une mesure attendue depuis plusieurs semaines par les syndicats du secteur.""", """
                Die Bundesregierung hat am Mittwoch neue Hilfen für Landwirte beschlossen, die unter der \
                anhaltenden Trockenheit leiden, wie ein Sprecher des Ministeriums in Berlin mitteilte. Es \
                ist, was sie will: die Hilfe hat Vorrang.""", dutch, """
                O governo anunciou na quarta-feira novas ajudas para os agricultores afetados pela seca, uma \
                medida que os sindicatos do setor reclamavam há várias semanas."""}) {
            assertFalse(LanguageIdentifier.readsAsEnglish(text), text);
        }
        assertEquals("nl", languages.identify(dutch));
    }

    @Test
    void shortEnglishTextsAreNeverCalledForeign() {
        for (String text : new String[] {"Rain stops play.", "Oil prices rise", "Obama in Berlin",
                "Markets slide as rates climb", "Ad sales boost Time Warner profit",
                "Yukos unit buyer faces loan claim", "Dollar gains on Greenspan speech",
                "Chelsea sack Mutu", "Fiat chief takes steering wheel at Ferrari"}) {
            assertEquals("en", languages.identify(text), text);
        }
    }

    @Test
    void englishAndItsRegionalFormsAreSupported() {
        assertTrue(LanguageIdentifier.isSupported("en"));
        assertTrue(LanguageIdentifier.isSupported("en-GB"));
        assertTrue(LanguageIdentifier.isSupported("EN-us"));
        assertFalse(LanguageIdentifier.isSupported("fr"));
        assertFalse(LanguageIdentifier.isSupported("pt-BR"));
    }
}
