package newsroom.query.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.Entity;
import newsroom.nlp.v1.Mention;
import newsroom.nlp.v1.Quote;
import newsroom.nlp.v1.TemporalExpression;
import newsroom.store.ArticleEntityLink;
import newsroom.query.TestStore;
import newsroom.store.ArticleRollups;
import newsroom.store.ArticleState;
import newsroom.store.NameKey;
import newsroom.store.StoredAlias;
import newsroom.store.StoredArticle;
import newsroom.store.StoredEntity;
import newsroom.store.StoredMention;
import newsroom.store.StoredQuote;

/**
 * Writes one analysed article whose title, source, URL, text, entity name and alias, quote and
 * date are markup meant to run in a reader's browser, the way ingest stores an analysis, so
 * every console page that shows them can be checked for escaping. Written once per test run.
 */
@ApplicationScoped
public class HostileArticle {

    public static final String SCRIPT = "<script>alert(1)</script>";
    public static final String IMAGE = "\"><img src=x onerror=alert(2)>";
    /** The entity's name: both payloads, and a script end that would close a JSON block. */
    public static final String NAME = "Zorblax " + SCRIPT + IMAGE + "</script>";
    public static final String TITLE = "Hostile " + SCRIPT + " title " + IMAGE;
    public static final String TEXT = "Zorblax " + SCRIPT + IMAGE + "</script> spoke in Zorbtown " + IMAGE
            + " on Monday.\n\n\"We " + SCRIPT + " will " + IMAGE + " win,\" he said.";
    public static final Instant PUBLISHED = Instant.parse("2021-05-03T10:00:00Z");

    /** Ids of the article and its entity. */
    public record Ids(long article, long entity) {
    }

    private Ids ids;

    @Transactional
    public synchronized Ids ids() {
        if (ids == null) {
            ids = write();
        }
        return ids;
    }

    /**
     * Takes the article and its entity out again, so the other test classes see the store they expect.
     * Called after the tests, outside a request: Hibernate's tenant (the store read, docs/replicas.md)
     * is resolved in a request context.
     */
    @ActivateRequestContext
    @Transactional
    public synchronized void remove() {
        if (ids == null) {
            return;
        }
        ArticleRollups.remove(StoredArticle.getEntityManager(), ids.article());
        StoredArticle.delete("id", ids.article());
        StoredArticle.flush();
        StoredEntity.delete("id", ids.entity());
        ids = null;
    }

    private static Ids write() {
        StoredEntity entity = new StoredEntity();
        entity.name = NAME;
        entity.type = Entity.Type.PERSON.name();
        entity.nameKey = NameKey.of(NAME);
        entity.persist();
        StoredAlias.of(entity.id, NAME).persist();
        StoredAlias.of(entity.id, "Zorb " + IMAGE).persist();

        int nameEnd = NAME.length();
        String quoteText = "We " + SCRIPT + " will " + IMAGE + " win";
        int quoteBegin = TEXT.indexOf(quoteText);
        int dateBegin = TEXT.indexOf("Monday");
        Analysis analysis = Analysis.newBuilder().setCleanedText(TEXT).setLanguage("en")
                .addEntities(Entity.newBuilder().setId("e1").setName(NAME).setType(Entity.Type.PERSON).setSalience(0.9)
                        .addMentions(Mention.newBuilder().setText(NAME).setBegin(0).setEnd(nameEnd)
                                .setKind(Mention.Kind.NAME)))
                .addQuotes(Quote.newBuilder().setText(quoteText).setBegin(quoteBegin)
                        .setEnd(quoteBegin + quoteText.length()).setSpeakerEntityId("e1").setSpeaker(NAME).setCue("say"))
                .addTemporalExpressions(TemporalExpression.newBuilder().setText("Monday").setValue("2021-05-03 " + IMAGE)
                        .setBegin(dateBegin).setEnd(dateBegin + 6).setType(TemporalExpression.Type.DATE))
                .build();

        TestStore.partitionsFor(PUBLISHED);
        StoredArticle article = new StoredArticle();
        article.title = TITLE;
        article.source = "Wire " + SCRIPT;
        article.url = "javascript:alert(3)//" + IMAGE;
        article.publishedAt = PUBLISHED;
        article.contentType = "PLAIN_TEXT";
        article.language = "en";
        article.rawContent = TEXT;
        article.cleanedText = TEXT;
        article.contentSha256 = "hostile-" + TEXT.hashCode();
        article.status = ArticleState.ANALYZED;
        article.nextAttemptAt = PUBLISHED;
        article.acceptedAt = PUBLISHED;
        article.analyzedAt = PUBLISHED;
        article.analysis = analysis.toByteArray();
        article.tone = 0.1;
        article.persist();
        article.storyId = article.id;

        ArticleEntityLink link = new ArticleEntityLink();
        link.key = new ArticleEntityLink.Key(article.id, "e1");
        link.entityId = entity.id;
        link.salience = 0.9;
        link.persist();
        StoredMention mention = new StoredMention();
        mention.articleId = article.id;
        mention.publishedAt = PUBLISHED;
        mention.entityId = entity.id;
        mention.text = NAME;
        mention.begin = 0;
        mention.end = nameEnd;
        mention.kind = "NAME";
        mention.persist();
        StoredQuote quote = new StoredQuote();
        quote.articleId = article.id;
        quote.speakerEntityId = entity.id;
        quote.speaker = NAME;
        quote.text = quoteText;
        quote.form = "DIRECT";
        quote.cue = "say";
        quote.begin = quoteBegin;
        quote.end = quoteBegin + quoteText.length();
        quote.publishedAt = PUBLISHED;
        quote.persist();
        StoredArticle.flush();
        ArticleRollups.add(StoredArticle.getEntityManager(), article.id);
        return new Ids(article.id, entity.id);
    }
}
