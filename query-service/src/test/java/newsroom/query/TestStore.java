package newsroom.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import newsroom.store.NameKey;
import newsroom.store.StoredAlias;
import newsroom.store.StoredArticle;
import newsroom.store.StoredEntity;
import newsroom.store.StoredEvent;
import newsroom.store.StoredMention;
import newsroom.store.StoredQuote;
import newsroom.store.TimexFirstDay;

/**
 * Writes the small store the query tests read, the way the ingest service
 * writes it: articles with their analyses, global entities with every form as
 * an alias (canonical name included), links, mentions, quotes and events.
 * Written once per test run; every test class reads the same {@link Fixture}.
 */
@ApplicationScoped
public class TestStore {

    /** Filler articles, each with {@link #QUOTES_PER_FILLER} quotes; enough to page and to exceed 100 quotes. */
    public static final int FILLER_ARTICLES = 30;
    public static final int QUOTES_PER_FILLER = 4;
    /** Filler people, "Zebrafinch Keeper 1" ..., with mention counts that tie in places. */
    public static final int KEEPERS = 25;

    public static final Instant A1_PUBLISHED = Instant.parse("2021-04-07T09:00:00Z");
    public static final Instant A2_PUBLISHED = Instant.parse("2021-04-08T15:30:00Z");
    public static final double A1_TONE = 0.5;
    public static final double A2_TONE = -0.25;
    /** Reports per filler story. */
    public static final int STORY_SIZE = 3;

    public static final String A1_TEXT = """
            Pakistan and Russia agreed on Wednesday to deepen cooperation. Russian Foreign Minister \
            Sergey Lavrov met Foreign Minister Shah Mahmood Qureshi in Islamabad.

            "Russia is ready to strengthen Pakistan's counter-terrorism capability," Lavrov said. \
            "We will hold joint exercises," he added.

            "Relations with Russia are a priority for Pakistan," Qureshi said. \
            "We welcome the pipeline agreement," Qureshi told reporters.

            "Trade will double," both sides vowed.""";

    public static final String A2_TEXT = """
            Sergei Lavrov arrived in Ankara on Thursday, where he met Recep Tayyip Erdoğan.

            "Turkey is a partner on Syria," Sergei Lavrov said. The Lavrov Institute published a study.

            "Pakistan relations matter to us too," Qureshi said by phone.

            Erdoğan said the visit had opened a new chapter. He said the talks had been "long overdue". \
            Erdoğan and Qureshi had discussed the pipeline in Pakistan in March.""";

    /** Erdoğan's reported speech in the second article, INDIRECT and MIXED. */
    public static final String A2_INDIRECT = "the visit had opened a new chapter";
    public static final String A2_MIXED = "the talks had been \"long overdue\"";

    /** Ids of what the store holds, for the tests' expectations. */
    public record Fixture(long a1, long a2, long pending, long lavrov, long qureshi, long erdogan,
                          long lavrovInstitute, long pakistan, List<Long> fillers, List<Long> keepers,
                          Analysis a1Analysis) {
    }

    private Fixture fixture;

    @Transactional
    public synchronized Fixture fixture() {
        if (fixture == null) {
            fixture = write();
        }
        return fixture;
    }

    /** Takes an article's rollups out, as ingest does before replacing its analysis. */
    @Transactional
    public void removeRollups(long articleId) {
        ArticleRollups.remove(StoredArticle.getEntityManager(), articleId);
    }

    /** Puts an article's rollups back, as ingest does after writing its analysis. */
    @Transactional
    public void addRollups(long articleId) {
        ArticleRollups.add(StoredArticle.getEntityManager(), articleId);
    }

    /**
     * Writes an article's analysis again with another tone and date, as ingest
     * re-analyses it: rollups out, article changed, rollups in, one transaction.
     */
    @Transactional
    public void reanalyze(long articleId, Double tone, Instant published) {
        ArticleRollups.remove(StoredArticle.getEntityManager(), articleId);
        partitionsFor(published);
        StoredArticle article = StoredArticle.findById(articleId);
        article.tone = tone;
        article.publishedAt = published;
        ArticleRollups.add(StoredArticle.getEntityManager(), articleId);
    }

    /**
     * Writes an article's analysis again with the given quotes attributed to
     * {@code speaker} ({@code null}: to nobody), as ingest re-analyses it:
     * rollups out, quote rows changed, rollups in, one transaction. The
     * speaker must be one of the article's entities, as ingest's always is.
     */
    @Transactional
    public void reanalyzeQuotes(long articleId, List<Long> quoteIds, Long speaker) {
        ArticleRollups.remove(StoredArticle.getEntityManager(), articleId);
        StoredQuote.update("speakerEntityId = ?1 where articleId = ?2 and id in ?3", speaker, articleId, quoteIds);
        ArticleRollups.add(StoredArticle.getEntityManager(), articleId);
    }

    /** The rows of a statement written by the tests themselves, never from input. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Object[]> rows(String sql) {
        return StoredArticle.getEntityManager().createNativeQuery(sql).getResultList();
    }

    /**
     * Adds {@code count} articles awaiting analysis, published a day apart
     * from {@code first}, oldest first, each saying {@code word}
     * {@code times[i]} times; for tests that need more articles than the
     * fixture and take them out again with {@link #deleteArticles}.
     */
    @Transactional
    public List<Long> addArticles(String word, Instant first, int[] times) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            String text = ("Report " + i + " on the " + word + ". ").repeat(times[i]);
            ids.add(article("Extra report " + i, null, first.plusSeconds(86_400L * i), text,
                    ArticleState.ACCEPTED, null, null, null));
        }
        indexByHand(ids);
        return ids;
    }

    /**
     * Adds one article awaiting analysis, searchable as {@link #addArticles}'
     * are; for tests that take it out again with {@link #deleteArticles}.
     */
    @Transactional
    public long addArticle(String title, String text, Instant published) {
        long id = article(title, null, published, text, ArticleState.ACCEPTED, null, null, null);
        indexByHand(List.of(id));
        return id;
    }

    /**
     * Adds one article in {@code state} with {@code analysis} as its stored analysis bytes (null
     * for none), searchable once not ACCEPTED, by the store's trigger; for tests that take it out
     * again with {@link #deleteArticles}.
     */
    @Transactional
    public long addArticle(String title, String text, Instant published, ArticleState state, byte[] analysis) {
        return article(title, null, published, text, state, analysis, null, null);
    }

    /**
     * Adds one searchable article as ingest stores a page fetched from a followed source: with
     * its author, its page's canonical URL, no known publication time and the source's id (a
     * source row made for it). Take both out with {@link #deleteFetchedArticle}.
     */
    @Transactional
    public long addFetchedArticle(String title, String text, String author, String canonicalUrl) {
        long sourceId = ((Number) StoredArticle.getEntityManager().createNativeQuery("""
                        INSERT INTO source (url, name, requested_interval, fetch_interval)
                        VALUES ('https://example.org/feed-' || md5(random()::text), 'Test Feed', interval '15 minutes',
                                interval '15 minutes')
                        RETURNING id""").getSingleResult()).longValue();
        long id = article(title, null, Instant.parse("1992-01-01T00:00:00Z"), text, ArticleState.ACCEPTED, null,
                null, null);
        StoredArticle article = StoredArticle.findById(id);
        article.author = author;
        article.canonicalUrl = canonicalUrl;
        article.publishedTimeEstimated = true;
        article.sourceId = sourceId;
        indexByHand(List.of(id));
        return id;
    }

    /** Takes out an article of {@link #addFetchedArticle} and its source. */
    @Transactional
    public void deleteFetchedArticle(long articleId) {
        Long sourceId = StoredArticle.<StoredArticle>findById(articleId).sourceId;
        StoredArticle.delete("id", articleId);
        StoredArticle.getEntityManager().createNativeQuery("DELETE FROM source WHERE id = :id")
                .setParameter("id", sourceId).executeUpdate();
    }

    // Searchable although still queued for analysis, as if indexed by hand (the store makes an
    // article searchable only once it leaves ACCEPTED: migrations V6 and V9).
    private static void indexByHand(List<Long> ids) {
        StoredArticle.flush();
        StoredArticle.getEntityManager().createNativeQuery("""
                        INSERT INTO article_search (article_id, published_at, source, language, search_vector)
                        SELECT id, published_at, source, language, article_search_vector(title, cleaned_text)
                        FROM article WHERE id IN (:ids)""")
                .setParameter("ids", ids)
                .executeUpdate();
    }

    /**
     * Gives articles another publisher, as if ingest had stored them so (their
     * search rows follow, by the store's trigger); tests put "Test Wire" back.
     */
    @Transactional
    public void setSource(List<Long> ids, String source) {
        StoredArticle.getEntityManager().createNativeQuery("UPDATE article SET source = :source WHERE id IN (:ids)")
                .setParameter("source", source)
                .setParameter("ids", ids)
                .executeUpdate();
    }

    @Transactional
    public void deleteArticles(List<Long> ids) {
        StoredArticle.delete("id in ?1", ids);
    }

    @Transactional
    public long count(String table) {
        // Table names come from the tests themselves, never from input.
        return ((Number) StoredArticle.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM " + table).getSingleResult()).longValue();
    }

    private Fixture write() {
        long lavrov = entity("Sergey Lavrov", Entity.Type.PERSON, "Sergei Lavrov", "Lavrov");
        long qureshi = entity("Shah Mahmood Qureshi", Entity.Type.PERSON, "Qureshi");
        long erdogan = entity("Recep Tayyip Erdoğan", Entity.Type.PERSON, "Erdoğan");
        long institute = entity("Lavrov Institute", Entity.Type.ORGANIZATION);
        long pakistan = entity("Pakistan", Entity.Type.GPE);

        DocumentBuilder a1 = new DocumentBuilder(A1_TEXT);
        a1.entity("e1", lavrov, "Sergey Lavrov", Entity.Type.PERSON, 0.6, "Sergey Lavrov", "Lavrov", "he");
        a1.entity("e2", qureshi, "Shah Mahmood Qureshi", Entity.Type.PERSON, 0.3, "Shah Mahmood Qureshi", "Qureshi");
        a1.entity("e3", pakistan, "Pakistan", Entity.Type.GPE, 0.1, "Pakistan");
        a1.quote("Russia is ready to strengthen Pakistan's counter-terrorism capability", "e1", "say");
        a1.quote("We will hold joint exercises", "e1", "add");
        a1.quote("Relations with Russia are a priority for Pakistan", "e2", "say");
        a1.quote("We welcome the pipeline agreement", "e2", "tell");
        a1.quote("Trade will double", "", "vow");
        a1.event(Event.Type.AGREE, "agreed", "Pakistan and Russia agreed on Wednesday to deepen cooperation.",
                List.of("e3"), List.of(), "", "cooperation", "2021-04-07");
        // No date in the sentence: placed at the article's publication.
        a1.event(Event.Type.MEET, "met", "Russian Foreign Minister Sergey Lavrov met Foreign Minister Shah Mahmood"
                + " Qureshi in Islamabad.", List.of("e1"), List.of("e2"), "", "", "");
        long a1Id = a1.store("Pakistan and Russia vow to deepen ties", "https://example.org/a1", A1_PUBLISHED,
                A1_TONE, null);

        DocumentBuilder a2 = new DocumentBuilder(A2_TEXT);
        a2.entity("e1", lavrov, "Sergei Lavrov", Entity.Type.PERSON, 0.7, "Sergei Lavrov", "he", "Sergei Lavrov");
        a2.entity("e2", erdogan, "Recep Tayyip Erdoğan", Entity.Type.PERSON, 0.1, "Recep Tayyip Erdoğan");
        a2.entity("e3", institute, "Lavrov Institute", Entity.Type.ORGANIZATION, 0.1, "Lavrov Institute");
        a2.entity("e4", qureshi, "Qureshi", Entity.Type.PERSON, 0.1, "Qureshi");
        a2.entity("e5", pakistan, "Pakistan", Entity.Type.GPE, 0.05, "Pakistan");
        a2.quote("Turkey is a partner on Syria", "e1", "say");
        a2.quote("Pakistan relations matter to us too", "e4", "say");
        a2.quote(A2_INDIRECT, "e2", "say", AttributionForm.INDIRECT);
        a2.quote(A2_MIXED, "e2", "say", AttributionForm.MIXED);
        String visit = "Sergei Lavrov arrived in Ankara on Thursday, where he met Recep Tayyip Erdoğan.";
        a2.event(Event.Type.VISIT, "arrived", visit, List.of("e1"), List.of(), "", "", "2021-04-08");
        a2.event(Event.Type.MEET, "met", visit, List.of("e1"), List.of("e2"), "", "", "2021-04-08");
        // Dated a month before the article was published.
        a2.event(Event.Type.DISCUSS, "discussed",
                "Erdoğan and Qureshi had discussed the pipeline in Pakistan in March.", List.of("e2", "e4"),
                List.of(), "e5", "the pipeline", "2021-03");
        long a2Id = a2.store("Lavrov visits Ankara", null, A2_PUBLISHED, A2_TONE, null);

        long pending = article("Pending report on trade", null, Instant.parse("2021-04-09T08:00:00Z"),
                "Trade talks continue; nothing has been analysed yet.", ArticleState.ACCEPTED, null, null, null);

        List<Long> keepers = new ArrayList<>();
        for (int k = 1; k <= KEEPERS; k++) {
            keepers.add(entity("Zebrafinch Keeper " + k, Entity.Type.PERSON));
        }
        List<Long> fillers = new ArrayList<>();
        Instant day = Instant.parse("2020-01-01T12:00:00Z");
        for (int i = 1; i <= FILLER_ARTICLES; i++) {
            StringBuilder text = new StringBuilder("Filler report " + i + " about birds.");
            // Some articles say the word more often, so ranks differ and also tie.
            text.append(" The zebrafinch sings.".repeat(i % 3 + 1));
            List<String> quotes = new ArrayList<>();
            for (int q = 1; q <= QUOTES_PER_FILLER; q++) {
                String quote = "The zebrafinch chorus number " + i + "-" + q + " was loud";
                quotes.add(quote);
                text.append("\n\n\"").append(quote).append(",\" the keeper said.");
            }
            DocumentBuilder filler = new DocumentBuilder(text.toString());
            // Keeper k is mentioned k % 7 + 1 times over all: a fixed count with ties.
            int keeper = (i - 1) % KEEPERS + 1;
            String name = "Zebrafinch Keeper " + keeper;
            filler.entity("e1", keepers.get(keeper - 1), name, Entity.Type.PERSON, 0.5);
            for (String quote : quotes) {
                filler.quote(quote, "e1", "say");
            }
            // Fillers form stories of three reports: 1-3, 4-6, ...; the first is the root.
            Long root = (i - 1) % STORY_SIZE == 0 ? null : fillers.get(fillers.size() - (i - 1) % STORY_SIZE);
            fillers.add(filler.store("Zebrafinch report " + i, "https://example.org/filler/" + i,
                    day.plusSeconds(86_400L * i), fillerTone(i), root));
        }
        for (int k = 1; k <= KEEPERS; k++) {
            long keeperArticle = fillers.get((k - 1) % FILLER_ARTICLES);
            for (int m = 0; m < k % 7 + 1; m++) {
                mention(keeperArticle, keepers.get(k - 1), "Zebrafinch Keeper " + k, 0, 0);
            }
        }
        StoredArticle.flush();
        // As the ingest's AnalysisWriter does once an analysis is written.
        for (long analyzed : concat(List.of(a1Id, a2Id), fillers)) {
            ArticleRollups.add(StoredArticle.getEntityManager(), analyzed);
        }
        Analysis a1Analysis = a1.analysis();
        return new Fixture(a1Id, a2Id, pending, lavrov, qureshi, erdogan, institute, pakistan,
                fillers, keepers, a1Analysis);
    }

    /** The tone of filler {@code i}: -0.5, -0.25, 0, 0.25, 0.5 in turn. */
    public static double fillerTone(int i) {
        return (i % 5 - 2) / 4.0;
    }

    private static List<Long> concat(List<Long> first, List<Long> second) {
        List<Long> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** A global entity with its canonical name and the other forms among its aliases. */
    private static long entity(String name, Entity.Type type, String... otherForms) {
        StoredEntity entity = new StoredEntity();
        entity.name = name;
        entity.type = type.name();
        entity.nameKey = NameKey.of(name);
        entity.persist();
        StoredAlias.of(entity.id, name).persist();
        for (String form : otherForms) {
            StoredAlias.of(entity.id, form).persist();
        }
        return entity.id;
    }

    /**
     * Creates the partitions of the month of {@code published} (V15), as ingest's intake does
     * before it stores an article: rows of a month without them cannot be written.
     */
    public static void partitionsFor(Instant published) {
        StoredArticle.getEntityManager().createNativeQuery("SELECT create_month_partitions(:day)")
                .setParameter("day", LocalDate.ofInstant(published, ZoneOffset.UTC))
                .getSingleResult();
    }

    private static long article(String title, String url, Instant published, String text, ArticleState state,
                                byte[] analysis, Double tone, Long storyRoot) {
        partitionsFor(published);
        StoredArticle article = new StoredArticle();
        article.title = title;
        article.source = "Test Wire";
        article.url = url;
        article.publishedAt = published;
        article.contentType = "PLAIN_TEXT";
        article.language = "en";
        article.rawContent = text;
        article.cleanedText = text;
        article.contentSha256 = Integer.toHexString(text.hashCode()) + "-" + title.hashCode();
        article.status = state;
        article.nextAttemptAt = published;
        article.acceptedAt = published;
        article.analyzedAt = state == ArticleState.ANALYZED ? published : null;
        article.analysis = analysis;
        article.tone = tone;
        article.persist();
        article.storyId = storyRoot == null ? article.id : storyRoot;
        article.duplicateOf = storyRoot;
        return article.id;
    }

    private static void mention(long articleId, long entityId, String text, int begin, int end) {
        StoredMention mention = new StoredMention();
        mention.articleId = articleId;
        mention.publishedAt = StoredArticle.<StoredArticle>findById(articleId).publishedAt;
        mention.entityId = entityId;
        mention.text = text;
        mention.begin = begin;
        mention.end = end;
        mention.kind = "NAME";
        mention.persist();
    }

    /** Builds one analysed article's Analysis and its rows together, so they agree. */
    private static final class DocumentBuilder {

        private final String text;
        private final Analysis.Builder analysis;
        private final Map<String, Long> globalIds = new LinkedHashMap<>();
        private final Map<String, String> names = new LinkedHashMap<>();
        private final List<int[]> mentionSpans = new ArrayList<>();
        private final List<String> mentionEntities = new ArrayList<>();
        private final List<Quote> quotes = new ArrayList<>();
        private final List<Event> events = new ArrayList<>();

        DocumentBuilder(String text) {
            this.text = text;
            this.analysis = Analysis.newBuilder().setCleanedText(text).setLanguage("en");
        }

        /** An entity mentioned by each of {@code forms}, found in order through the text. */
        void entity(String localId, long globalId, String name, Entity.Type type, double salience, String... forms) {
            Entity.Builder entity = Entity.newBuilder().setId(localId).setName(name).setType(type).setSalience(salience);
            int from = 0;
            for (String form : forms) {
                int begin = text.indexOf(form, from);
                if (begin < 0) {
                    begin = text.indexOf(form);
                }
                if (begin < 0) {
                    throw new IllegalArgumentException("no '" + form + "' in the text");
                }
                int end = begin + form.length();
                from = end;
                entity.addMentions(Mention.newBuilder().setText(form).setBegin(begin).setEnd(end)
                        .setKind(form.equals("he") ? Mention.Kind.PRONOMINAL : Mention.Kind.NAME));
                if (!form.equals(name) && !form.equals("he") && !entity.getAliasesList().contains(form)) {
                    entity.addAliases(form);
                }
                mentionSpans.add(new int[] {begin, end});
                mentionEntities.add(localId);
            }
            analysis.addEntities(entity);
            globalIds.put(localId, globalId);
            names.put(localId, name);
        }

        /** A quote whose analysis gives no form, as one made before forms existed: stored as DIRECT. */
        void quote(String words, String speakerLocalId, String cue) {
            quote(words, speakerLocalId, cue, AttributionForm.ATTRIBUTION_FORM_UNSPECIFIED);
        }

        void quote(String words, String speakerLocalId, String cue, AttributionForm form) {
            int begin = text.indexOf(words);
            if (begin < 0) {
                throw new IllegalArgumentException("no quote '" + words + "' in the text");
            }
            Quote quote = Quote.newBuilder().setText(words).setBegin(begin).setEnd(begin + words.length())
                    .setSpeakerEntityId(speakerLocalId).setSpeaker(names.getOrDefault(speakerLocalId, ""))
                    .setCue(cue).setForm(form).build();
            analysis.addQuotes(quote);
            quotes.add(quote);
        }

        /** An event reported by {@code sentence}; every entity it names must be one of the document's. */
        void event(Event.Type type, String trigger, String sentence, List<String> actors, List<String> participants,
                   String location, String topic, String date) {
            int begin = text.indexOf(sentence);
            if (begin < 0) {
                throw new IllegalArgumentException("no sentence '" + sentence + "' in the text");
            }
            Event event = Event.newBuilder().setType(type).setTrigger(trigger).addAllActorEntityIds(actors)
                    .addAllParticipantEntityIds(participants).setLocationEntityId(location).setTopic(topic)
                    .setDate(date).setBegin(begin).setEnd(begin + sentence.length()).build();
            analysis.addEvents(event);
            events.add(event);
        }

        Analysis analysis() {
            return analysis.build();
        }

        long store(String title, String url, Instant published, double tone, Long storyRoot) {
            long articleId = article(title, url, published, text, ArticleState.ANALYZED, analysis().toByteArray(),
                    tone, storyRoot);
            for (Entity entity : analysis.getEntitiesList()) {
                ArticleEntityLink link = new ArticleEntityLink();
                link.key = new ArticleEntityLink.Key(articleId, entity.getId());
                link.entityId = globalIds.get(entity.getId());
                link.salience = entity.getSalience();
                link.persist();
            }
            for (int i = 0; i < mentionSpans.size(); i++) {
                int[] span = mentionSpans.get(i);
                mention(articleId, globalIds.get(mentionEntities.get(i)), text.substring(span[0], span[1]),
                        span[0], span[1]);
            }
            for (Quote quote : quotes) {
                StoredQuote stored = new StoredQuote();
                stored.articleId = articleId;
                stored.speakerEntityId = quote.getSpeakerEntityId().isEmpty()
                        ? null : globalIds.get(quote.getSpeakerEntityId());
                stored.speaker = quote.getSpeaker();
                stored.text = quote.getText();
                stored.form = quote.getForm() == AttributionForm.ATTRIBUTION_FORM_UNSPECIFIED
                        ? AttributionForm.DIRECT.name() : quote.getForm().name();
                stored.cue = quote.getCue();
                stored.begin = quote.getBegin();
                stored.end = quote.getEnd();
                stored.publishedAt = published;
                stored.persist();
            }
            for (Event event : events) {
                storeEvent(articleId, published, event);
            }
            return articleId;
        }

        private void storeEvent(long articleId, Instant published, Event event) {
            StoredEvent stored = new StoredEvent();
            stored.articleId = articleId;
            stored.type = event.getType().name();
            stored.trigger = event.getTrigger();
            stored.topic = event.getTopic();
            stored.locationEntityId = globalIds.get(event.getLocationEntityId());
            stored.dateValue = event.getDate();
            stored.dateFirstDay = TimexFirstDay.of(event.getDate()).orElse(null);
            stored.publishedAt = published;
            stored.begin = event.getBegin();
            stored.end = event.getEnd();
            stored.persist();
            link(stored, event.getActorEntityIdsList(), EventEntityLink.Role.ACTOR);
            link(stored, event.getParticipantEntityIdsList(), EventEntityLink.Role.PARTICIPANT);
        }

        private void link(StoredEvent event, List<String> localIds, EventEntityLink.Role role) {
            for (int i = 0; i < localIds.size(); i++) {
                EventEntityLink link = new EventEntityLink();
                link.key = new EventEntityLink.Key(event.id, globalIds.get(localIds.get(i)));
                link.role = role;
                link.position = i;
                link.eventType = event.type;
                link.happenedAt = event.happenedAt();
                link.articleId = event.articleId;
                link.begin = event.begin;
                link.persist();
            }
        }
    }
}
