package newsroom.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import newsroom.ingest.analysis.AnalysisWriter;
import newsroom.ingest.v1.Article;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.ingest.v1.GetIngestStatusRequest;
import newsroom.ingest.v1.GetIngestStatusResponse;
import newsroom.ingest.v1.IngestArticleResponse;
import newsroom.nlp.v1.AnalyzeDocumentRequest;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.Document;
import newsroom.store.ArticleEntityLink;
import newsroom.store.StoredArticle;
import newsroom.store.StoredEntity;
import newsroom.store.StoredMention;
import newsroom.store.StoredQuote;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IngestAndAnalyzeTest extends IngestWithNlpTest {

    static final Instant PUBLISHED = Instant.parse("2021-04-07T09:00:00Z");

    @Inject
    AnalysisWriter writer;

    @Test
    void anAcceptedArticleIsAnalyzedAndItsEntitiesMentionsAndQuotesAreStored() throws InvalidProtocolBufferException {
        String text = "ISLAMABAD: Russian Foreign Minister Sergey Lavrov arrived in Pakistan. "
                + "\u201CWe are ready to strengthen cooperation,\u201D Lavrov said.\n\n"
                + "Shah Mahmood Qureshi welcomed him. \u201CRussia is a friend,\u201D Qureshi added. " + Articles.unique();

        IngestArticleResponse accepted = ingest.ingestArticle(
                Articles.request(Articles.plainText(text).setPublishedTime(Articles.timestamp(PUBLISHED))));

        assertTrue(accepted.getArticleId() > 0);
        assertEquals(ArticleStatus.ACCEPTED, accepted.getStatus());
        assertFalse(accepted.getAlreadyStored());
        GetIngestStatusResponse status = awaitAnalyzed(accepted.getArticleId());
        assertEquals(1, status.getAttempts());
        assertEquals("", status.getError());
        assertTrue(status.hasAnalyzedTime());
        assertTrue(status.hasAcceptedTime());

        StoredArticle article = Articles.stored(accepted.getArticleId());
        assertEquals(PUBLISHED, article.publishedAt);
        assertEquals("en", article.language);
        assertEquals("PLAIN_TEXT", article.contentType);
        assertEquals(text, article.rawContent);
        assertNull(article.claimedUntil);
        Analysis analysis = Analysis.parseFrom(article.analysis);
        assertEquals(article.cleanedText, analysis.getCleanedText());

        // The worker sends the cleaned text as PLAIN_TEXT, marked as cleaned, with the publication time.
        AnalyzeDocumentRequest sent = nlp.lastRequest(article.cleanedText);
        assertEquals(Document.Type.PLAIN_TEXT, sent.getDocument().getType());
        assertTrue(sent.getDocument().getAlreadyCleaned());
        assertEquals(Articles.timestamp(PUBLISHED), sent.getPublicationTime());

        long articleId = article.id;
        QuarkusTransaction.requiringNew().run(() -> {
            List<ArticleEntityLink> links = ArticleEntityLink.list("key.articleId", articleId);
            assertEquals(analysis.getEntitiesCount(), links.size());
            long mentionCount = analysis.getEntitiesList().stream().mapToLong(e -> e.getMentionsCount()).sum();
            assertEquals(mentionCount, StoredMention.count("articleId", articleId));

            StoredEntity lavrov = StoredEntity.find("type = 'PERSON' and nameKey = 'sergey lavrov'").singleResult();
            StoredEntity qureshi = StoredEntity.find("type = 'PERSON' and nameKey = 'shah mahmood qureshi'").singleResult();
            assertEquals("Sergey Lavrov", lavrov.name);
            List<StoredQuote> quotes = StoredQuote.list("articleId = ?1 order by begin", articleId);
            assertEquals(2, quotes.size());
            assertEquals("We are ready to strengthen cooperation,", quotes.get(0).text);
            assertEquals(lavrov.id, quotes.get(0).speakerEntityId);
            assertEquals("Sergey Lavrov", quotes.get(0).speaker);
            assertEquals(qureshi.id, quotes.get(1).speakerEntityId);
            assertEquals(quotes.get(0).text,
                    analysis.getCleanedText().substring(quotes.get(0).begin, quotes.get(0).end));
            // Mentions of "Lavrov" alone are stored against Sergey Lavrov.
            assertEquals(2, StoredMention.count("articleId = ?1 and entityId = ?2", articleId, lavrov.id));
        });
    }

    @Test
    void lavrovInALaterArticleJoinsSergeyLavrovFromAnEarlierOne() {
        long first = ingest.ingestArticle(Articles.request(Articles.plainText(
                "Sergey Lavrov met the delegation. Lavrov spoke first. " + Articles.unique()))).getArticleId();
        awaitAnalyzed(first);
        long second = ingest.ingestArticle(Articles.request(Articles.plainText(
                "\u201CThe talks went well,\u201D Lavrov told reporters in Moscow. " + Articles.unique())))
                .getArticleId();
        awaitAnalyzed(second);

        QuarkusTransaction.requiringNew().run(() -> {
            StoredEntity lavrov = StoredEntity.find("type = 'PERSON' and nameKey = 'sergey lavrov'").singleResult();
            assertEquals(0, StoredEntity.count("type = 'PERSON' and nameKey = 'lavrov'"));
            assertEquals(2, StoredMention.count("articleId = ?1 and entityId = ?2", first, lavrov.id));
            assertEquals(1, StoredMention.count("articleId = ?1 and entityId = ?2", second, lavrov.id));
            StoredQuote quote = StoredQuote.find("articleId", second).singleResult();
            assertEquals(lavrov.id, quote.speakerEntityId);
        });
    }

    @Test
    void writingAnAnalysisAgainReplacesItsRowsInsteadOfDuplicatingThem() throws InvalidProtocolBufferException {
        long id = ingest.ingestArticle(Articles.request(Articles.plainText(
                "\u201CWe will meet again,\u201D said Maria Zakharova in Moscow. Zakharova left. " + Articles.unique())))
                .getArticleId();
        awaitAnalyzed(id);
        long mentions = Articles.rows("mention", id);
        long quotes = Articles.rows("quote", id);
        long links = Articles.rows("article_entity", id);
        assertTrue(mentions >= 3 && quotes == 1 && links == 2, mentions + " " + quotes + " " + links);

        Analysis analysis = Analysis.parseFrom(Articles.stored(id).analysis);
        writer.write(id, analysis);
        writer.write(id, analysis);

        assertEquals(mentions, Articles.rows("mention", id));
        assertEquals(quotes, Articles.rows("quote", id));
        assertEquals(links, Articles.rows("article_entity", id));
        assertEquals(ArticleStatus.ANALYZED, status(id).getStatus());
    }

    @Test
    void entityArticleAndQuoteCountsFollowEveryAnalysisWritten() throws InvalidProtocolBufferException {
        long quoted = ingest.ingestArticle(Articles.request(Articles.plainText(
                "\u201CWe will meet again,\u201D said Maria Zakharova in Moscow. "
                        + "\u201CNot today,\u201D Zakharova added. " + Articles.unique()))).getArticleId();
        long named = ingest.ingestArticle(Articles.request(Articles.plainText(
                "Maria Zakharova spoke in Moscow. " + Articles.unique()))).getArticleId();
        awaitAnalyzed(quoted);
        awaitAnalyzed(named);
        assertEntityCountsEqualRows();
        Analysis analysis = Analysis.parseFrom(Articles.stored(quoted).analysis);
        assertEquals(2, analysis.getQuotesCount());
        long zakharova = QuarkusTransaction.requiringNew().call(() -> StoredEntity
                .<StoredEntity>find("type = 'PERSON' and nameKey = 'maria zakharova'").singleResult().id);
        long[] written = counts(zakharova);

        // Analysed again with one of her quotes fewer, then with no names at all, then as first.
        writer.write(quoted, analysis.toBuilder().removeQuotes(1).build());
        assertEntityCountsEqualRows();
        assertArrayEquals(new long[] {written[0], written[1] - 1}, counts(zakharova));
        writer.write(quoted, Analysis.newBuilder().setCleanedText(analysis.getCleanedText()).setLanguage("en").build());
        assertEntityCountsEqualRows();
        assertArrayEquals(new long[] {written[0] - 1, written[1] - 2}, counts(zakharova));
        writer.write(quoted, analysis);
        assertEntityCountsEqualRows();
        assertArrayEquals(written, counts(zakharova));
    }

    @Test
    void anArticleWithNoNamesIsAnalyzedWithNothingToLink() {
        long id = ingest.ingestArticle(Articles.request(Articles.plainText(
                "<p>Markets were calm on Tuesday.</p> " + Articles.unique())
                .setContentType(Article.ContentType.HTML)
                .setLanguage("en-GB"))).getArticleId();
        awaitAnalyzed(id);
        StoredArticle article = Articles.stored(id);
        assertEquals("HTML", article.contentType);
        assertEquals("en-GB", article.language);
        assertFalse(article.cleanedText.contains("<p>"), article.cleanedText);
        // Cleaned once, at intake: nlp-service is sent the stored text, marked so it does not clean it again.
        AnalyzeDocumentRequest sent = nlp.lastRequest(article.cleanedText);
        assertEquals(Document.Type.PLAIN_TEXT, sent.getDocument().getType());
        assertTrue(sent.getDocument().getAlreadyCleaned());
        assertEquals(0, Articles.rows("mention", id));
        assertNotNull(article.analyzedAt);
    }

    // Every entity's article and quote counts (V8, kept by ArticleRollups) against the rows they
    // stand for, in one statement so both sides are read from one snapshot.
    private static void assertEntityCountsEqualRows() {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> rows("""
                SELECT e.id, e.article_count, e.quote_count,
                       (SELECT count(*) FROM entity_article ea WHERE ea.entity_id = e.id),
                       (SELECT count(*) FROM quote q WHERE q.speaker_entity_id = e.id)
                FROM entity e ORDER BY e.id"""));
        assertFalse(rows.isEmpty());
        for (Object[] row : rows) {
            String entity = "entity " + row[0];
            assertEquals(((Number) row[3]).longValue(), ((Number) row[1]).longValue(), entity + ": articles");
            assertEquals(((Number) row[4]).longValue(), ((Number) row[2]).longValue(), entity + ": quotes");
        }
    }

    // The entity's article_count and quote_count.
    private static long[] counts(long entityId) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> rows(
                "SELECT article_count, quote_count FROM entity WHERE id = " + entityId)).get(0);
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(String sql) {
        return StoredArticle.getEntityManager().createNativeQuery(sql).getResultList();
    }

    private GetIngestStatusResponse status(long id) {
        return ingest.getIngestStatus(GetIngestStatusRequest.newBuilder().setArticleId(id).build());
    }

    private GetIngestStatusResponse awaitAnalyzed(long id) {
        Articles.await("article " + id + " to be ANALYZED", () -> status(id).getStatus() == ArticleStatus.ANALYZED);
        return status(id);
    }
}
