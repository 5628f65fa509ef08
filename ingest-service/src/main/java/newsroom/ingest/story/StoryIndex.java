package newsroom.ingest.story;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored MinHash-LSH index ({@code story_signature}, {@code story_band},
 * migration V3): which stored articles a new one is compared with, and which
 * of them, if any, tells the same story. The SQL that reads and writes the
 * index is here too, but runs as part of intake's own statements (see
 * {@code intake.ArticleBatchStore}): the candidates are read in the same
 * round trip as the look-up of resubmissions, the index rows written in the
 * same statement as the article row, so articles and their index rows are
 * committed together or not at all.
 */
@ApplicationScoped
public class StoryIndex {

    /**
     * The stored articles sharing a band key with the new ones: rows of
     * (band_key, article_id, story_id, minhash), for the band keys bound to its one
     * {@code bigint[]} parameter (see {@link #bandKeys}); read them with {@link Candidates#add}.
     */
    public static final String CANDIDATE_ROWS = """
            SELECT b.band_key, s.article_id, a.story_id, s.minhash
            FROM story_band b
            JOIN story_signature s ON s.article_id = b.article_id
            JOIN article a ON a.id = b.article_id
            WHERE b.band_key = ANY (?)""";

    /**
     * Indexes a new article, as the last part of a statement whose common table expression
     * {@code new_article} returns its id: its signature row, then one band row per distinct
     * key. Parameters: the signature's bytes (null for an article without one: nothing is
     * indexed) and its band keys ({@code bigint[]}).
     */
    public static final String INDEX_NEW_ARTICLE = """
            signature AS (
                INSERT INTO story_signature (article_id, minhash)
                SELECT new_article.id, given.minhash FROM new_article, (SELECT ?::bytea AS minhash) given
                WHERE given.minhash IS NOT NULL
                RETURNING article_id)
            INSERT INTO story_band (band_key, article_id)
            SELECT DISTINCT k, signature.article_id FROM signature, unnest(?::bigint[]) AS k""";

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

        /** One row of {@link #CANDIDATE_ROWS}. */
        public void add(long bandKey, long articleId, long storyId, byte[] minhash) {
            StoryCandidate candidate = byArticle.computeIfAbsent(articleId,
                    id -> new StoryCandidate(id, storyId, ShingleSignature.fromBytes(minhash)));
            byBand.computeIfAbsent(bandKey, k -> new ArrayList<>()).add(candidate);
        }
    }
}
