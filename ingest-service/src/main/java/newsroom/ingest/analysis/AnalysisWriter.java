package newsroom.ingest.analysis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import newsroom.ingest.entities.EntityName;
import newsroom.ingest.entities.EntityResolver;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.AttributionForm;
import newsroom.nlp.v1.Entity;
import newsroom.nlp.v1.Event;
import newsroom.nlp.v1.Mention;
import newsroom.nlp.v1.Quote;
import newsroom.store.ArticleEntityLink;
import newsroom.store.ArticleRollups;
import newsroom.store.ArticleState;
import newsroom.store.EventEntityLink;
import newsroom.store.StoredArticle;
import newsroom.store.StoredEvent;
import newsroom.store.StoredMention;
import newsroom.store.StoredQuote;
import newsroom.store.TimexFirstDay;

/**
 * Stores an article's analysis in one transaction: its entities resolved to
 * global ones, their mentions, its quotes, its events, and the Analysis
 * itself. Whatever an earlier run stored for the article is replaced, so
 * analysing it again (after a worker died between NLP call and commit, or in
 * a re-analysis) never duplicates rows.
 */
@ApplicationScoped
public class AnalysisWriter {

    // An article's rows of an earlier analysis, deleted before the new ones are written. Mentions
    // and quotes sit in the partition of their article's month (V15): naming the month spares a
    // probe of every other month's index (mention_article_idx, quote_article_idx).
    private static final String DELETE_MENTIONS =
            "DELETE FROM mention WHERE article_id = :id AND published_at = :published";
    private static final String DELETE_QUOTES = "DELETE FROM quote WHERE article_id = :id AND published_at = :published";
    // event_article_idx; an event's entities (event_entity) go with it (ON DELETE CASCADE).
    private static final String DELETE_EVENTS = "DELETE FROM event WHERE article_id = :id";
    // The leading column of article_entity_pkey.
    private static final String DELETE_ENTITY_LINKS = "DELETE FROM article_entity WHERE article_id = :id";

    private final EntityManager entityManager;
    private final EntityResolver resolver;
    private final ReanalysisQueue reanalysis;

    public AnalysisWriter(EntityManager entityManager, EntityResolver resolver, ReanalysisQueue reanalysis) {
        this.entityManager = entityManager;
        this.resolver = resolver;
        this.reanalysis = reanalysis;
    }

    /** Stores the first analysis of an article; it becomes ANALYZED. */
    @Transactional(TxType.REQUIRES_NEW)
    public WrittenAnalysis write(long articleId, Analysis analysis) {
        return store(articleId, analysis);
    }

    /**
     * Replaces a re-analysed article's analysis and counts it done on its re-analysis, in one
     * transaction: the article has either its old analysis and a pending item, or its new
     * one and a finished item, whatever crashes when.
     *
     * @throws ReanalysisAlreadyFinishedException when another worker finished the article first;
     *     nothing is written then
     */
    @Transactional(TxType.REQUIRES_NEW)
    public WrittenAnalysis rewrite(ClaimedArticle article, Analysis analysis) {
        WrittenAnalysis written = store(article.id(), analysis);
        reanalysis.markDone(article);
        return written;
    }

    private WrittenAnalysis store(long articleId, Analysis analysis) {
        // The row lock also orders two writers of one article (an expired claim taken over).
        StoredArticle article = entityManager.find(StoredArticle.class, articleId, LockModeType.PESSIMISTIC_WRITE);
        if (article == null) {
            throw new IllegalStateException("article " + articleId + " no longer exists");
        }
        ArticleRollups.remove(entityManager, articleId);
        for (String inMonth : new String[] {DELETE_MENTIONS, DELETE_QUOTES}) {
            entityManager.createNativeQuery(inMonth)
                    .setParameter("id", articleId)
                    .setParameter("published", article.publishedAt)
                    .executeUpdate();
        }
        for (String statement : new String[] {DELETE_EVENTS, DELETE_ENTITY_LINKS}) {
            entityManager.createNativeQuery(statement).setParameter("id", articleId).executeUpdate();
        }
        Map<String, Long> globalIds = new HashMap<>();
        int mentions = 0;
        for (Entity entity : analysis.getEntitiesList()) {
            OptionalLong globalId = resolver.resolve(EntityName.of(entity));
            if (globalId.isEmpty()) {
                continue;
            }
            globalIds.put(entity.getId(), globalId.getAsLong());
            link(articleId, entity, globalId.getAsLong());
            for (Mention mention : entity.getMentionsList()) {
                storeMention(article, globalId.getAsLong(), mention);
                mentions++;
            }
        }
        for (Quote quote : analysis.getQuotesList()) {
            storeQuote(article, quote, globalIds.get(quote.getSpeakerEntityId()));
        }
        int events = 0;
        for (Event event : analysis.getEventsList()) {
            if (storeEvent(article, event, globalIds)) {
                events++;
            }
        }
        article.analysis = analysis.toByteArray();
        // Leaving ACCEPTED makes the article searchable: the store's trigger article_search_keep
        // (migrations V9, V15) writes its article_search row when this update is flushed, in this
        // transaction. No code here writes that table (docs/architecture.md, "The search row").
        article.status = ArticleState.ANALYZED;
        article.analyzedAt = Instant.now();
        article.claimedUntil = null;
        article.lastError = null;
        article.tone = analysis.hasSentiment() ? analysis.getSentiment().getScore() : null;
        ArticleRollups.add(entityManager, articleId);
        return new WrittenAnalysis(globalIds.size(), mentions, analysis.getQuotesCount(), events);
    }

    private void link(long articleId, Entity entity, long globalId) {
        ArticleEntityLink link = new ArticleEntityLink();
        link.key = new ArticleEntityLink.Key(articleId, entity.getId());
        link.entityId = globalId;
        link.salience = entity.getSalience();
        entityManager.persist(link);
    }

    private void storeMention(StoredArticle article, long globalId, Mention mention) {
        StoredMention stored = new StoredMention();
        stored.placeIn(article, mention.getBegin(), mention.getEnd());
        stored.entityId = globalId;
        stored.text = mention.getText();
        stored.kind = mention.getKind() == Mention.Kind.UNRECOGNIZED
                ? Mention.Kind.KIND_UNSPECIFIED.name()
                : mention.getKind().name();
        entityManager.persist(stored);
    }

    private void storeQuote(StoredArticle article, Quote quote, Long speakerId) {
        StoredQuote stored = new StoredQuote();
        stored.placeIn(article, quote.getBegin(), quote.getEnd());
        stored.speakerEntityId = speakerId;
        // Without a global entity the words still say who it was ("both countries", "said Caddell").
        stored.speaker = quote.getSpeaker();
        stored.text = quote.getText();
        stored.form = formOf(quote).name();
        stored.cue = quote.getCue();
        entityManager.persist(stored);
    }

    // An analysis made before forms existed held direct quotes only (the field's contract).
    private static AttributionForm formOf(Quote quote) {
        return switch (quote.getForm()) {
            case MIXED, INDIRECT -> quote.getForm();
            case DIRECT, ATTRIBUTION_FORM_UNSPECIFIED, UNRECOGNIZED -> AttributionForm.DIRECT;
        };
    }

    /**
     * Stores an event with the global entities of its actors and participants; false when none
     * of its actors resolved to a global entity. Such an event is not stored: ListEvents finds
     * events through their entities, and one that nobody known did answers no question.
     */
    private boolean storeEvent(StoredArticle article, Event event, Map<String, Long> globalIds) {
        Set<Long> actors = resolved(event.getActorEntityIdsList(), globalIds);
        if (actors.isEmpty()) {
            return false;
        }
        Set<Long> participants = resolved(event.getParticipantEntityIdsList(), globalIds);
        // Two document entities may resolve to one global entity; it then takes part once, as an actor.
        participants.removeAll(actors);
        StoredEvent stored = new StoredEvent();
        stored.placeIn(article, event.getBegin(), event.getEnd());
        stored.type = event.getType() == Event.Type.UNRECOGNIZED
                ? Event.Type.TYPE_UNSPECIFIED.name()
                : event.getType().name();
        stored.trigger = event.getTrigger();
        stored.topic = event.getTopic();
        stored.locationEntityId = globalIds.get(event.getLocationEntityId());
        stored.dateValue = event.getDate();
        stored.dateFirstDay = TimexFirstDay.of(event.getDate()).orElse(null);
        entityManager.persist(stored);
        link(stored, actors, EventEntityLink.Role.ACTOR);
        link(stored, participants, EventEntityLink.Role.PARTICIPANT);
        return true;
    }

    /** The global ids of document entities, in their order, without repeats; unresolved ones dropped. */
    private static Set<Long> resolved(List<String> localIds, Map<String, Long> globalIds) {
        Set<Long> resolved = new LinkedHashSet<>();
        for (String localId : localIds) {
            Long globalId = globalIds.get(localId);
            if (globalId != null) {
                resolved.add(globalId);
            }
        }
        return resolved;
    }

    private void link(StoredEvent event, Set<Long> entityIds, EventEntityLink.Role role) {
        int position = 0;
        for (long entityId : entityIds) {
            EventEntityLink link = new EventEntityLink();
            link.key = new EventEntityLink.Key(event.id, entityId);
            link.role = role;
            link.position = position++;
            link.eventType = event.type;
            link.happenedAt = event.happenedAt();
            link.articleId = event.articleId;
            link.begin = event.begin;
            entityManager.persist(link);
        }
    }
}
