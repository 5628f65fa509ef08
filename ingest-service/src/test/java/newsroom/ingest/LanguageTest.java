package newsroom.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.ingest.v1.GetIngestStatusRequest;
import newsroom.ingest.v1.IngestArticleResponse;
import newsroom.store.ArticleState;
import newsroom.store.StoredArticle;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LanguageTest extends IngestWithNlpTest {

    static final String FRENCH = """
            Le gouvernement a annoncé mercredi une hausse des aides pour les agriculteurs touchés par \
            la sécheresse, une mesure attendue depuis plusieurs semaines par les syndicats du secteur. \
            Le ministre a précisé que les versements commenceraient dès le mois prochain.""";

    @Test
    void aFrenchArticleIsStoredAsUnsupportedAndNeverAnalyzed() {
        String text = FRENCH + " " + Articles.unique();

        IngestArticleResponse response = ingest.ingestArticle(Articles.request(Articles.plainText(text)));
        // An English article submitted after it is analysed: the worker has had its chance at both.
        String english = "Sergey Lavrov arrived in Islamabad on Wednesday for talks. " + Articles.unique();
        long englishId = ingest.ingestArticle(Articles.request(Articles.plainText(english))).getArticleId();
        Articles.await("the English article to be analysed",
                () -> Articles.stored(englishId).status == ArticleState.ANALYZED);

        assertEquals(ArticleStatus.UNSUPPORTED_LANGUAGE, response.getStatus());
        StoredArticle stored = Articles.stored(response.getArticleId());
        assertEquals("fr", stored.language);
        assertEquals(ArticleState.UNSUPPORTED_LANGUAGE, stored.status);
        assertEquals(0, stored.attempts);
        assertEquals(0, nlp.calls(stored.cleanedText));
        assertEquals(ArticleStatus.UNSUPPORTED_LANGUAGE, ingest.getIngestStatus(
                GetIngestStatusRequest.newBuilder().setArticleId(response.getArticleId()).build()).getStatus());
    }

    @Test
    void aShortEnglishArticleIsAnalyzed() {
        String text = "Rain stops play at Lord's. " + Articles.unique();

        IngestArticleResponse response = ingest.ingestArticle(Articles.request(Articles.plainText(text)));

        assertEquals(ArticleStatus.ACCEPTED, response.getStatus());
        assertEquals("en", Articles.stored(response.getArticleId()).language);
    }

    @Test
    void aLanguageTheClientNamesIsTrusted() {
        String text = "Sergey Lavrov spoke to reporters in Moscow. " + Articles.unique();

        IngestArticleResponse response = ingest.ingestArticle(Articles.request(
                Articles.plainText(text).setLanguage("de")));

        assertEquals(ArticleStatus.UNSUPPORTED_LANGUAGE, response.getStatus());
        assertEquals("de", Articles.stored(response.getArticleId()).language);
    }
}
