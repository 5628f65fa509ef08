package newsroom.bench.console;

import static newsroom.bench.query.StoreCopy.copy;
import static newsroom.bench.query.StoreCopy.execute;
import static newsroom.bench.query.StoreCopy.row;
import static newsroom.bench.query.StoreCopy.writeRollups;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import newsroom.bench.query.ArticleCopyBatch;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.Entity;
import newsroom.nlp.v1.Mention;
import newsroom.nlp.v1.Quote;
import newsroom.nlp.v1.Sentiment;
import newsroom.store.NameKey;

/**
 * A large analysed store written straight into PostgreSQL with COPY, as the query benchmark's
 * WidenedStore writes its own, but from generated articles: the real-NLP base sample that
 * benchmark widens takes hours of CoreNLP to make. Article {@code i} is made with seed
 * {@code i}: eight to twelve sentences of news words, four entities drawn with a Zipf-like skew
 * from {@link #ENTITIES} (so a few are in many articles, as in real news), every entity named
 * in the text where its mentions say, and {@link #QUOTES_PER_ARTICLE} direct quotes by its
 * people. Articles are published {@link #SPACING} apart, newest last, by one of
 * {@link #SOURCES} publishers; every four consecutive articles are one story. The rollups
 * (entity_article, entity_pair, entity_day, the entities' counts) are written as the
 * migrations back-fill them; article_search and the quotes' vectors by the store's own
 * trigger and generated column.
 */
final class ConsoleStore {

    static final int ENTITIES = 2_000;
    static final int SOURCES = 20;
    static final int QUOTES_PER_ARTICLE = 2;
    static final int ENTITIES_PER_ARTICLE = 4;
    static final Duration SPACING = Duration.ofMinutes(10);
    static final Instant FIRST = Instant.parse("2024-01-01T00:00:00Z");
    private static final int STORY_SIZE = 4;
    private static final int BATCH = 2_000;
    // The article columns this store fills, in the order of its rows' values.
    private static final String ARTICLE_COLUMNS = "article (id, source, title, url, published_at, content_type, language, raw_content,"
            + " cleaned_text, content_sha256, status, attempts, next_attempt_at, accepted_at, analyzed_at,"
            + " analysis, story_id, duplicate_of, tone)";

    /** Words of the text, most common first: searches pick from the head, the middle and the tail. */
    static final List<String> WORDS = List.of(
            "government", "minister", "talks", "election", "economy", "market", "police", "court", "report",
            "officials", "president", "parliament", "budget", "company", "workers", "strike", "health", "hospital",
            "energy", "prices", "inflation", "trade", "border", "security", "army", "ceasefire", "summit",
            "agreement", "protest", "students", "schools", "climate", "flood", "drought", "harvest", "bank",
            "interest", "rates", "shares", "investors", "pipeline", "refinery", "railway", "airport", "port",
            "vaccine", "virus", "research", "university", "football", "league", "coach", "museum", "festival",
            "bridge", "tunnel", "satellite", "rocket", "telescope", "glacier", "volcano", "earthquake", "wildfire",
            "orchard", "vineyard", "lighthouse", "monastery", "observatory", "quarry", "tramway");

    private static final String[] FIRST_NAMES = {"Anna", "Boris", "Chen", "Dalia", "Emeka", "Farah", "Goran",
            "Hana", "Ivan", "Jamal", "Kofi", "Lena", "Mateo", "Nadia", "Omar", "Priya", "Quentin", "Rosa",
            "Sergei", "Tariq"};
    private static final String[] LAST_NAMES = {"Abara", "Bello", "Castro", "Dmitriev", "Eriksen", "Fontaine",
            "Gupta", "Haddad", "Ibrahim", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor",
            "Petrov", "Quispe", "Rahman", "Silva", "Tanaka", "Urbanek", "Vargas", "Weber", "Xu", "Yilmaz"};
    private static final String[] PLACE_ROOTS = {"North", "South", "East", "West", "New", "Port", "Lake",
            "Upper", "Lower", "Saint"};
    private static final String[] PLACE_NAMES = {"Avalon", "Brenton", "Corvia", "Dunmore", "Elstow",
            "Farrow", "Glenard", "Harwick", "Islay", "Jorvik", "Kelso", "Lorne", "Marston", "Norland",
            "Oakhurst", "Pellan", "Quarle", "Rydal", "Solway", "Tarrow"};

    private final List<String> names = new ArrayList<>();
    private final List<Entity.Type> types = new ArrayList<>();
    private final Map<Long, Integer> pairCounts = new LinkedHashMap<>();
    private int articles;

    ConsoleStore() {
        // Entity k (1-based id k): people, organisations and places in turn; names unique.
        for (int k = 0; k < ENTITIES; k++) {
            switch (k % 3) {
                case 0 -> {
                    int n = k / 3;
                    names.add(FIRST_NAMES[n % FIRST_NAMES.length] + " " + LAST_NAMES[(n / FIRST_NAMES.length)
                            % LAST_NAMES.length] + (n >= FIRST_NAMES.length * LAST_NAMES.length ? " Jr" : ""));
                    types.add(Entity.Type.PERSON);
                }
                case 1 -> {
                    names.add(WORDS.get(k % WORDS.size()).substring(0, 1).toUpperCase()
                            + WORDS.get(k % WORDS.size()).substring(1) + " Council " + (k / 3));
                    types.add(Entity.Type.ORGANIZATION);
                }
                default -> {
                    int n = k / 3;
                    names.add(PLACE_ROOTS[n % PLACE_ROOTS.length] + " " + PLACE_NAMES[(n / PLACE_ROOTS.length)
                            % PLACE_NAMES.length] + (n >= PLACE_ROOTS.length * PLACE_NAMES.length ? " " + n : ""));
                    types.add(Entity.Type.GPE);
                }
            }
        }
    }

    int articleCount() {
        return articles;
    }

    /** Entity {@code id}'s name (ids 1 to {@link #ENTITIES}). */
    String name(long id) {
        return names.get((int) id - 1);
    }

    /** The id of the {@code rank}-th most mentioned entity of its kind's draw: the skew puts low ids first. */
    static long popular(int rank) {
        return rank + 1;
    }

    /** The first person among the {@code rank} most drawn entities. */
    static long person(int rank) {
        return (long) rank * 3 + 1;
    }

    /** The publisher of article {@code id}. */
    static String source(long id) {
        return "Wire " + (char) ('A' + skewed(new Random(id * 31 + 7), SOURCES));
    }

    void writeEntities(Connection connection) throws SQLException, IOException {
        StringBuilder entities = new StringBuilder();
        StringBuilder aliases = new StringBuilder();
        for (int k = 0; k < ENTITIES; k++) {
            row(entities, k + 1, names.get(k), types.get(k).name(), NameKey.of(names.get(k)));
            row(aliases, k + 1, names.get(k), NameKey.of(names.get(k)));
        }
        copy(connection, "entity (id, name, type, name_key)", entities);
        copy(connection, "entity_alias (entity_id, alias, alias_key)", aliases);
        execute(connection, "SELECT setval('entity_id_seq', " + ENTITIES + ")");
    }

    /** Adds articles until the store holds {@code target}, then rewrites the rollups whole. */
    void growTo(Connection connection, int target) throws SQLException, IOException {
        while (articles < target) {
            int end = Math.min(target, articles + BATCH);
            ArticleCopyBatch batch = new ArticleCopyBatch(ARTICLE_COLUMNS);
            for (int i = articles; i < end; i++) {
                add(batch, i + 1L);
            }
            batch.write(connection);
            articles = end;
        }
        writeRollups(connection, articles, pairCounts);
    }

    /** Publication time of article {@code id}. */
    static Instant published(long id) {
        return FIRST.plus(SPACING.multipliedBy(id - 1));
    }

    // 0 .. n-1, low values far more often (about 1/(k+1)).
    private static int skewed(Random random, int n) {
        return (int) Math.floor(Math.pow(n + 1, random.nextDouble())) - 1;
    }

    private void add(ArticleCopyBatch batch, long id) {
        Random random = new Random(id * 0x9E3779B97F4A7C15L + 11);
        List<Integer> drawn = new ArrayList<>();
        while (drawn.size() < ENTITIES_PER_ARTICLE) {
            int k = skewed(random, ENTITIES);
            if (!drawn.contains(k)) {
                drawn.add(k);
            }
        }
        StringBuilder text = new StringBuilder();
        Analysis.Builder analysis = Analysis.newBuilder().setLanguage("en");
        Map<Integer, Entity.Builder> entities = new LinkedHashMap<>();
        for (int e = 0; e < drawn.size(); e++) {
            entities.put(drawn.get(e), Entity.newBuilder().setId("e" + (e + 1)).setName(names.get(drawn.get(e)))
                    .setType(types.get(drawn.get(e))).setSalience(1.0 / (e + 2)));
        }
        int sentences = 8 + random.nextInt(5);
        for (int s = 0; s < sentences; s++) {
            if (s > 0) {
                text.append(s % 3 == 0 ? "\n\n" : " ");
            }
            int k = drawn.get(s % drawn.size());
            mention(text, entities.get(k), names.get(k));
            text.append(" ").append(words(random, 6 + random.nextInt(10))).append('.');
        }
        List<Integer> people = drawn.stream().filter(k -> types.get(k) == Entity.Type.PERSON).toList();
        for (int q = 0; q < QUOTES_PER_ARTICLE; q++) {
            text.append("\n\n\"");
            String words = capitalised(words(random, 8 + random.nextInt(8)));
            int begin = text.length();
            text.append(words);
            int end = text.length();
            text.append(",\" ");
            Quote.Builder quote = Quote.newBuilder().setText(words).setBegin(begin).setEnd(end).setCue("say");
            if (!people.isEmpty()) {
                int k = people.get(q % people.size());
                mention(text, entities.get(k), names.get(k));
                quote.setSpeakerEntityId(entities.get(k).getId()).setSpeaker(names.get(k));
            } else {
                text.append("an official");
            }
            text.append(" said.");
            analysis.addQuotes(quote);
        }
        String cleaned = text.toString();
        double tone = Math.round((random.nextDouble() * 2 - 1) * 100) / 100.0;
        analysis.setCleanedText(cleaned).setSentiment(Sentiment.newBuilder().setScore(tone));
        entities.values().forEach(analysis::addEntities);
        Analysis built = analysis.build();

        Instant published = published(id);
        long root = id - (id - 1) % STORY_SIZE;
        String title = capitalised(words(random, 4)) + " as " + names.get(drawn.get(0)) + " "
                + WORDS.get(random.nextInt(WORDS.size()));
        batch.article(published, id, source(id), title, "https://example.org/news/" + id, published, "PLAIN_TEXT",
                "en", cleaned, cleaned, "console-bench-" + id, "ANALYZED", 1, published, published, published,
                "\\\\x" + HexFormat.of().formatHex(built.toByteArray()), root, root == id ? "\\N" : root,
                tone);
        for (Map.Entry<Integer, Entity.Builder> entry : entities.entrySet()) {
            long global = entry.getKey() + 1L;
            Entity.Builder entity = entry.getValue();
            batch.link(id, entity.getId(), global, entity.getSalience());
            for (Mention mention : entity.getMentionsList()) {
                batch.mention(id, global, mention.getText(), mention.getBegin(), mention.getEnd(),
                        mention.getKind().name(), published);
            }
            batch.entityArticle(global, id, published, entity.getMentionsCount(), tone);
            for (int other : entities.keySet()) {
                if (other != entry.getKey()) {
                    pairCounts.merge((global << 32) | (other + 1L), 1, Integer::sum);
                }
            }
        }
        for (Quote quote : built.getQuotesList()) {
            Long speaker = quote.getSpeakerEntityId().isEmpty() ? null
                    : entities.entrySet().stream().filter(e -> e.getValue().getId().equals(quote.getSpeakerEntityId()))
                    .findFirst().orElseThrow().getKey() + 1L;
            batch.quote(id, speaker == null ? "\\N" : speaker, quote.getSpeaker(), quote.getText(),
                    quote.getCue(), quote.getBegin(), quote.getEnd(), published);
        }
    }

    private void mention(StringBuilder text, Entity.Builder entity, String name) {
        int begin = text.length();
        text.append(name);
        entity.addMentions(Mention.newBuilder().setText(name).setBegin(begin).setEnd(text.length())
                .setKind(Mention.Kind.NAME));
    }

    // Words drawn with the same skew as entities: the first words of WORDS are in most articles.
    private static String words(Random random, int count) {
        StringBuilder words = new StringBuilder();
        for (int w = 0; w < count; w++) {
            if (w > 0) {
                words.append(' ');
            }
            words.append(WORDS.get(skewed(random, WORDS.size())));
        }
        return words.toString();
    }

    private static String capitalised(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
