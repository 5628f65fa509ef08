package newsroom.query.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import newsroom.nlp.v1.Event;
import newsroom.query.InvalidArgumentException;
import newsroom.query.PagedReads;
import newsroom.query.RequestChecks;
import newsroom.query.StatementTimeouts;
import newsroom.query.WhereClause;
import newsroom.query.articles.ArticleMetadata;
import newsroom.query.entities.EntityIdentity;
import newsroom.query.entities.EntityProfiles;
import newsroom.query.entities.SqlArray;
import newsroom.query.paging.Page;
import newsroom.query.paging.PageRequest;
import newsroom.query.paging.QueryFingerprint;

/**
 * Lists the events an entity took part in, latest first, from the rows
 * ingest writes with each analysis (store migration V11).
 *
 * <p>A page is one statement, in a transaction of its own that gives it the
 * searches' statement_timeout ({@link StatementTimeouts}). Only an empty page
 * costs a second one, run without a transaction, to tell an
 * entity without events from an unknown id ({@link EntityProfiles#ref});
 * entities are never deleted, so the two need not share a snapshot.
 */
@ApplicationScoped
public class EventQueries {

    // The page is chosen from the entity's range of event_entity_timeline_idx
    // alone, which holds the event's time, article and offset in list order
    // and its type for the filter, so it stops after the page whatever the
    // entity's coverage (as ListQuotes by speaker does). Only the page's rows
    // then read their event, article, location and the entities that took
    // part (event_entity_pkey: a handful per event), the latter as arrays,
    // actors first, each role in order of appearance.
    static final String LIST = """
            SELECT %1$s, ev.type, ev.trigger, ev.topic, ev.date_value, page.happened_at, ev.begin_offset,
                   ev.end_offset, loc.id, loc.name, loc.type, parties.ids, parties.names, parties.types,
                   parties.roles
            FROM (SELECT ee.event_id, ee.article_id, ee.happened_at, ee.begin_offset
                  FROM event_entity ee
                  WHERE %2$s
                  ORDER BY ee.happened_at DESC, ee.article_id DESC, ee.begin_offset, ee.event_id
                  OFFSET :offset LIMIT :limit) page
            JOIN event ev ON ev.id = page.event_id
            JOIN article a ON a.id = page.article_id
            LEFT JOIN entity loc ON loc.id = ev.location_entity_id
            CROSS JOIN LATERAL (
                SELECT array_agg(CAST(e.id AS bigint) ORDER BY x.role, x.position) AS ids,
                       array_agg(CAST(e.name AS text) ORDER BY x.role, x.position) AS names,
                       array_agg(CAST(e.type AS text) ORDER BY x.role, x.position) AS types,
                       array_agg(CAST(x.role AS text) ORDER BY x.role, x.position) AS roles
                FROM event_entity x JOIN entity e ON e.id = x.entity_id
                WHERE x.event_id = page.event_id) parties
            ORDER BY page.happened_at DESC, page.article_id DESC, page.begin_offset, page.event_id
            """;

    private final PagedReads reads;
    private final EntityProfiles profiles;

    EventQueries(PagedReads reads, EntityProfiles profiles) {
        this.reads = reads;
        this.profiles = profiles;
    }

    public Page<ReportedEvent> list(EventFilter filter, int pageSize, String pageToken) {
        RequestChecks.positiveId("entity_id", filter.entityId());
        if (filter.type() == Event.Type.UNRECOGNIZED) {
            throw new InvalidArgumentException("type",
                    "must be MEET, VISIT, DISCUSS, AGREE, CRITICIZE, ANNOUNCE or unset (any type)");
        }
        PageRequest request = reads.page(pageSize, pageToken, QueryFingerprint.of("ListEvents",
                filter.entityId(), filter.type(), filter.range().fingerprint()));

        WhereClause where = new WhereClause().add("ee.entity_id = :entityId", "entityId", filter.entityId());
        if (filter.type() != Event.Type.TYPE_UNSPECIFIED) {
            where.add("ee.event_type = :type", "type", filter.type().name());
        }
        filter.range().restrict(where, "ee.happened_at");
        // In a transaction of its own, for the searches' statement_timeout.
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> {
            reads.underSearchLimit();
            @SuppressWarnings("unchecked")
            List<Object[]> page = where.bind(reads.entityManager().createNativeQuery(LIST.formatted(
                            ArticleMetadata.COLUMNS, where.sql())))
                    .setParameter("offset", request.offset())
                    .setParameter("limit", request.fetchSize())
                    .getResultList();
            return page;
        });
        if (rows.isEmpty()) {
            // Throws NotFoundException for an unknown entity.
            profiles.ref(filter.entityId());
        }
        return request.toPage(rows.stream().map(EventQueries::eventOf).toList());
    }

    private static ReportedEvent eventOf(Object[] row) {
        int at = ArticleMetadata.COLUMN_COUNT;
        Optional<EntityIdentity> location = row[at + 7] == null
                ? Optional.empty()
                : Optional.of(EntityIdentity.fromRow(row, at + 7));
        List<EntityIdentity> parties = EntityIdentity.fromArrays(row, at + 10);
        Object[] roles = SqlArray.values(row[at + 13]);
        List<EntityIdentity> actors = new ArrayList<>();
        List<EntityIdentity> participants = new ArrayList<>();
        for (int i = 0; i < parties.size(); i++) {
            (roles[i].equals("ACTOR") ? actors : participants).add(parties.get(i));
        }
        return new ReportedEvent(typeOf((String) row[at]), (String) row[at + 1], actors, participants,
                (String) row[at + 2], location, (String) row[at + 3], (Instant) row[at + 4],
                ArticleMetadata.fromRow(row, 0), ((Number) row[at + 5]).intValue(), ((Number) row[at + 6]).intValue());
    }

    // A type name the contract does not know (written by a newer ingest) reads as unspecified.
    private static Event.Type typeOf(String stored) {
        try {
            Event.Type type = Event.Type.valueOf(stored);
            return type == Event.Type.UNRECOGNIZED ? Event.Type.TYPE_UNSPECIFIED : type;
        } catch (IllegalArgumentException e) {
            return Event.Type.TYPE_UNSPECIFIED;
        }
    }
}
