package newsroom.ingest.story;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored MinHash-LSH index ({@code story_signature} with its
 * {@code band_keys} and their GIN index, migrations V3 and V6): which stored
 * articles a new one is compared with, and which of them, if any, tells the
 * same story. The SQL that reads and writes the index is here too, but runs
 * as part of intake's own statements (see {@code intake.ArticleBatchStore}):
 * the candidates are read in the same round trip as the look-up of
 * resubmissions, the index row written in the same statement as the article
 * row, so articles and their index rows are committed together or not at all.
 */
@ApplicationScoped
public class StoryIndex {

    /**
     * The stored articles sharing a band key with the new ones: rows of
     * (article_id, story_id, minhash, band_keys), for the band keys bound to its one
     * {@code bigint[]} parameter (see {@link #bandKeys}); read them with {@link Candidates#add}
     * (a candidate sharing several keys comes once per key).
     *
     * <p>One GIN probe per key, whatever PostgreSQL's statistics say. The plain form,
     * {@code band_keys && keys} over the whole array, is planned from the array's length: once
     * the table has been analysed, a batch's 1,000 to 4,000 keys make the planner expect every
     * row to match and scan the table, testing each row's 32 keys against every key of the
     * batch, one by one (about 0.3 s per look-up at 1,000 stored articles, 25 s at 100,000,
     * where bulk intake fell to 23 articles/s). A probe of one key, a value the planner
     * cannot see, is always estimated at 1% of the rows and goes through the index: about
     * 6 microseconds per key at 1,000 and at 100,000 stored. {@code OFFSET 0} keeps the probe
     * a subquery run once per key: flattened into a join, the generic plan the JDBC driver's
     * prepared statement gets after five runs could scan the table once and test every row
     * against every key instead (6.5 s for 4,096 keys over 3,000 signatures, against 16 ms).
     */
    public static final String CANDIDATE_ROWS = """
            SELECT s.article_id, (SELECT a.story_id FROM article a WHERE a.id = s.article_id) AS story_id,
                s.minhash, s.band_keys
            FROM unnest(?::bigint[]) AS k(band_key)
            CROSS JOIN LATERAL (
                SELECT article_id, minhash, band_keys FROM story_signature WHERE band_keys && ARRAY[k.band_key] OFFSET 0) s""";

    /**
     * Indexes a new article, as the last part of a statement whose common table expression
     * {@code new_article} returns its id. Parameters: the signature's bytes (null for an
     * article without one: nothing is indexed) and its band keys ({@code bigint[]}).
     */
    public static final String INDEX_NEW_ARTICLE = """
            INSERT INTO story_signature (article_id, minhash, band_keys)
            SELECT new_article.id, given.minhash, given.band_keys
            FROM new_article, (SELECT ?::bytea AS minhash, ?::bigint[] AS band_keys) given
            WHERE given.minhash IS NOT NULL""";

    /** Every band key of {@code signatures}, once: the parameter of {@link #CANDIDATE_ROWS}. */
    public static long[] bandKeys(List<ShingleSignature> signatures) {
        return signatures.stream().flatMapToLong(signature -> Arrays.stream(signature.bandKeys())).distinct().toArray();
    }

    /**
     * For each new article, in order, the earlier article that tells the same story, if any:
     * a stored one among {@code stored} or one before it in {@code articles} (a copy of an
     * article of the same batch joins that article's story, as it would had they come one by one).
     */
    public List<Optional<StoryMatch>> findSameStories(List<SignedArticle> articles, Candidates stored) {
        Map<Long, List<StoryCandidate>> byBand = stored.byBand;
        List<Optional<StoryMatch>> matches = new ArrayList<>(articles.size());
        for (SignedArticle article : articles) {
            long[] keys = article.signature().bandKeys();
            Map<Long, StoryCandidate> candidates = new LinkedHashMap<>();
            for (long key : keys) {
                for (StoryCandidate candidate : byBand.getOrDefault(key, List.of())) {
                    candidates.putIfAbsent(candidate.articleId(), candidate);
                }
            }
            Optional<StoryMatch> match = SameStoryRule.bestMatch(article.signature(), candidates.values());
            matches.add(match);
            // Later articles of the batch may be copies of this one.
            StoryCandidate self = new StoryCandidate(article.articleId(),
                    match.map(StoryMatch::storyId).orElse(article.articleId()), article.signature());
            for (long key : keys) {
                List<StoryCandidate> band = byBand.computeIfAbsent(key, k -> new ArrayList<>());
                if (band.isEmpty() || band.get(band.size() - 1) != self) {
                    band.add(self);
                }
            }
        }
        return matches;
    }

    /** Stored articles read by {@link #CANDIDATE_ROWS}, by band key. */
    public static final class Candidates {
        private final Map<Long, List<StoryCandidate>> byBand = new HashMap<>();
        private final Map<Long, StoryCandidate> byArticle = new HashMap<>();

        /** One row of {@link #CANDIDATE_ROWS}: the candidate is listed under each of its band keys. */
        public void add(long articleId, long storyId, byte[] minhash, Long[] bandKeys) {
            if (byArticle.containsKey(articleId)) {
                return;
            }
            StoryCandidate candidate = new StoryCandidate(articleId, storyId, ShingleSignature.fromBytes(minhash));
            byArticle.put(articleId, candidate);
            for (Long key : new LinkedHashSet<>(Arrays.asList(bandKeys))) {
                byBand.computeIfAbsent(key, k -> new ArrayList<>()).add(candidate);
            }
        }
    }
}
