package newsroom.query.quotes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import newsroom.query.InvalidArgumentException;
import newsroom.query.RequestChecks;
import newsroom.query.articles.ArticleSummary;
import newsroom.query.paging.Page;
import newsroom.query.paging.PageRequest;
import newsroom.query.paging.QueryFingerprint;
import newsroom.store.NameKey;

/** Lists direct quotes with their articles, newest article first. */
@ApplicationScoped
@Transactional
public class QuoteQueries {

    public static final int MAX_SPEAKER_NAME_LENGTH = 200;
    public static final int MAX_TEXT_QUERY_LENGTH = 500;

    // The article's columns come first so ArticleSummary reads them at 0.
    private static final String LIST = """
            SELECT %s, q.text, q.speaker_entity_id, coalesce(e.name, q.speaker), q.cue,
                   q.begin_offset, q.end_offset
            FROM quote q
            JOIN article a ON a.id = q.article_id
            LEFT JOIN entity e ON e.id = q.speaker_entity_id
            WHERE %s
            ORDER BY a.published_at DESC, a.id DESC, q.begin_offset, q.id
            OFFSET :offset LIMIT :limit
            """;

    // Speakers are matched by name key against every stored form, the canonical name included.
    private static final String BY_SPEAKER_NAME =
            "q.speaker_entity_id IN (SELECT al.entity_id FROM entity_alias al WHERE al.alias_key = :speakerKey)";

    private final EntityManager entityManager;

    QuoteQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Page<AttributedQuote> list(QuoteFilter filter, int pageSize, String pageToken) {
        if (filter.speakerEntityId() < 0) {
            throw new InvalidArgumentException("speaker_entity_id", "must not be negative");
        }
        String speakerName = RequestChecks.optionalText("speaker_name", filter.speakerName(), MAX_SPEAKER_NAME_LENGTH);
        String speakerKey = NameKey.of(speakerName);
        if (!speakerName.isEmpty() && speakerKey.isEmpty()) {
            throw new InvalidArgumentException("speaker_name", "must contain a letter or digit");
        }
        String textQuery = RequestChecks.optionalText("text_query", filter.textQuery(), MAX_TEXT_QUERY_LENGTH);
        PageRequest page = PageRequest.of(pageSize, pageToken,
                QueryFingerprint.of("ListQuotes", filter.speakerEntityId(), speakerKey, textQuery));

        List<String> conditions = new ArrayList<>();
        if (filter.speakerEntityId() > 0) {
            conditions.add("q.speaker_entity_id = :speakerId");
        }
        if (!speakerKey.isEmpty()) {
            conditions.add(BY_SPEAKER_NAME);
        }
        if (!textQuery.isEmpty()) {
            conditions.add("q.text_vector @@ websearch_to_tsquery('english', :textQuery)");
        }
        String where = conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
        Query query = entityManager.createNativeQuery(LIST.formatted(ArticleSummary.COLUMNS, where))
                .setParameter("offset", page.offset())
                .setParameter("limit", page.fetchSize());
        if (filter.speakerEntityId() > 0) {
            query.setParameter("speakerId", filter.speakerEntityId());
        }
        if (!speakerKey.isEmpty()) {
            query.setParameter("speakerKey", speakerKey);
        }
        if (!textQuery.isEmpty()) {
            query.setParameter("textQuery", textQuery);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return page.toPage(rows.stream().map(QuoteQueries::quoteOf).toList());
    }

    private static AttributedQuote quoteOf(Object[] row) {
        int at = ArticleSummary.COLUMN_COUNT;
        Number speakerId = (Number) row[at + 1];
        return new AttributedQuote((String) row[at], speakerId == null ? 0 : speakerId.longValue(),
                (String) row[at + 2], (String) row[at + 3], ArticleSummary.fromRow(row, 0),
                ((Number) row[at + 4]).intValue(), ((Number) row[at + 5]).intValue());
    }
}
