package newsroom.query;

import static newsroom.query.GrpcAssertions.assertFailsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import newsroom.nlp.v1.Entity;
import newsroom.query.v1.GetEntityRequest;
import newsroom.query.v1.GetEntityResponse;
import newsroom.query.v1.TimelineBucket;
import newsroom.query.v1.GlobalEntity;
import newsroom.query.v1.QueryServiceGrpc;
import newsroom.query.v1.SearchEntitiesRequest;
import newsroom.query.v1.SearchEntitiesResponse;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EntitiesTest extends StoreFixtureTest {

    @GrpcClient("query")
    QueryServiceGrpc.QueryServiceBlockingStub query;

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Test
    void nameSearchIgnoresCaseAccentsAndFindsAliases() {
        for (String name : List.of("lavrov", "LAVROV", "Lavrov", "Sergei Lavrov", "sergey lavrov", "Sérgei  LAVRÓV")) {
            SearchEntitiesResponse response = search(name, Entity.Type.TYPE_UNSPECIFIED, 0, "");
            assertTrue(response.getEntitiesCount() >= 1, name);
            assertEquals(fixture.lavrov(), response.getEntities(0).getId(), name);
        }
        for (String name : List.of("erdogan", "ERDOĞAN", "Recep Tayyip Erdogan")) {
            assertEquals(List.of(fixture.erdogan()), ids(search(name, Entity.Type.TYPE_UNSPECIFIED, 0, "")), name);
        }
    }

    @Test
    void searchResultCarriesTheWholeProfile() {
        GlobalEntity lavrov = search("Sergei Lavrov", Entity.Type.TYPE_UNSPECIFIED, 0, "").getEntities(0);

        assertLavrovProfile(lavrov);
    }

    @Test
    void exactNameMatchesRankBeforeWordMatches() {
        // "Lavrov Institute" starts with the word but is not the person, who is named exactly "Lavrov".
        assertEquals(List.of(fixture.lavrov(), fixture.lavrovInstitute()),
                ids(search("lavrov", Entity.Type.TYPE_UNSPECIFIED, 0, "")));
        // The institute is named exactly; the person's "lavrov" is merely similar, so it comes after.
        assertEquals(List.of(fixture.lavrovInstitute(), fixture.lavrov()),
                ids(search("Lavrov Institute", Entity.Type.TYPE_UNSPECIFIED, 0, "")));
        // A prefix of a word matches too: "qure" finds Qureshi, "mahmood" the middle of his name.
        assertEquals(List.of(fixture.qureshi()), ids(search("qure", Entity.Type.TYPE_UNSPECIFIED, 0, "")));
        assertEquals(List.of(fixture.qureshi()), ids(search("Mahmood", Entity.Type.TYPE_UNSPECIFIED, 0, "")));
        // Keeper 1 is named exactly; keepers 10 to 19 only start with the words, and 13 has the most mentions.
        // The other keepers' names are similar, so they follow.
        List<Long> keepers = ids(search("Zebrafinch Keeper 1", Entity.Type.TYPE_UNSPECIFIED, 100, ""));
        assertEquals(TestStore.KEEPERS, keepers.size());
        assertEquals(fixture.keepers().get(0), keepers.get(0));
        assertEquals(fixture.keepers().get(12), keepers.get(1));
        assertEquals(new HashSet<>(fixture.keepers().subList(9, 19)), new HashSet<>(keepers.subList(1, 11)));
        // Inside a word is not a word boundary: "uresh" is in "qureshi" but not similar enough to it.
        assertEquals(List.of(), ids(search("uresh", Entity.Type.TYPE_UNSPECIFIED, 0, "")));
    }

    @Test
    void typosAndOtherTransliterationsFindTheEntity() {
        for (String name : List.of("Lavrof", "Sergey Lavrow", "Kureshi", "Shah Mahmud Qureshi", "Erdogann")) {
            List<Long> found = ids(search(name, Entity.Type.PERSON, 0, ""));
            assertFalse(found.isEmpty(), name);
        }
        assertEquals(fixture.lavrov(), ids(search("Lavrof", Entity.Type.PERSON, 0, "")).get(0));
        assertEquals(fixture.qureshi(), ids(search("Kureshi", Entity.Type.PERSON, 0, "")).get(0));
        assertEquals(fixture.erdogan(), ids(search("Erdogann", Entity.Type.PERSON, 0, "")).get(0));
        // A word match ranks before a merely similar name: "lavrov" is exact for the person, a word of the institute.
        assertEquals(List.of(fixture.lavrov(), fixture.lavrovInstitute()),
                ids(search("lavrov", Entity.Type.TYPE_UNSPECIFIED, 0, "")));
    }

    @Test
    void getEntityIsOneStatement() {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();

        statistics.clear();
        GetEntityResponse response = query.getEntity(GetEntityRequest.newBuilder().setEntityId(fixture.lavrov()).build());

        assertFalse(response.getTopCoMentionsList().isEmpty());
        assertFalse(response.getToneTrendList().isEmpty());
        // The profile, its tone trend and its top co-mentions together.
        assertEquals(1, statistics.getPrepareStatementCount());
    }

    @Test
    void getEntityHasToneTrendAndTopCoMentions() {
        GetEntityResponse response = query.getEntity(GetEntityRequest.newBuilder().setEntityId(fixture.lavrov()).build());

        // Both articles are of April 2021: one month, tone averaged over the two articles.
        assertEquals(1, response.getToneTrendCount());
        TimelineBucket april = response.getToneTrend(0);
        assertEquals(Instant.parse("2021-04-01T00:00:00Z").getEpochSecond(), april.getStartTime().getSeconds());
        assertEquals(6, april.getMentionCount());
        assertEquals(2, april.getArticleCount());
        assertEquals(2, april.getTonedArticleCount());
        assertEquals((TestStore.A1_TONE + TestStore.A2_TONE) / 2, april.getAverageTone(), 1e-9);
        // Qureshi and Pakistan are in both articles, Erdoğan and the institute in one; ties by id.
        assertEquals(List.of(fixture.qureshi(), fixture.pakistan(), fixture.erdogan(), fixture.lavrovInstitute()),
                response.getTopCoMentionsList().stream().map(c -> c.getEntity().getId()).toList());
        assertEquals(2, response.getTopCoMentions(0).getSharedArticleCount());
        assertEquals(1.0, response.getTopCoMentions(0).getWeight(), 1e-9);
        assertEquals(0.5, response.getTopCoMentions(3).getWeight(), 1e-9);
        assertEquals("Shah Mahmood Qureshi", response.getTopCoMentions(0).getEntity().getName());
    }

    @Test
    void toneTrendKeepsTheTwelveMonthsUpToTheLastMention() {
        // Keeper 1 is in fillers 1 and 26: January 2020 and late January 2020.
        GetEntityResponse response = query.getEntity(
                GetEntityRequest.newBuilder().setEntityId(fixture.keepers().get(0)).build());

        assertEquals(1, response.getToneTrendCount());
        assertEquals(2, response.getToneTrend(0).getArticleCount());
        assertEquals(List.of(), response.getTopCoMentionsList());
    }

    @Test
    void typeFilterKeepsOnlyThatType() {
        assertEquals(List.of(fixture.lavrovInstitute()), ids(search("lavrov", Entity.Type.ORGANIZATION, 0, "")));
        assertEquals(List.of(fixture.lavrov()), ids(search("lavrov", Entity.Type.PERSON, 0, "")));
        assertEquals(List.of(), ids(search("lavrov", Entity.Type.GPE, 0, "")));
    }

    @Test
    void noMatchIsAnEmptyList() {
        SearchEntitiesResponse response = search("Nobody Atall", Entity.Type.TYPE_UNSPECIFIED, 0, "");

        assertEquals(0, response.getEntitiesCount());
        assertEquals("", response.getNextPageToken());
    }

    @Test
    void pagingGoesThroughEveryMatchMostMentionedFirst() {
        List<GlobalEntity> all = new ArrayList<>();
        for (SearchEntitiesResponse page : PageWalk.pages(token -> search("zebrafinch", Entity.Type.PERSON, 10, token),
                SearchEntitiesResponse::getNextPageToken)) {
            all.addAll(page.getEntitiesList());
        }

        assertEquals(TestStore.KEEPERS, all.size());
        assertEquals(new HashSet<>(fixture.keepers()), new HashSet<>(ids(all)));
        List<GlobalEntity> expected = new ArrayList<>(all);
        expected.sort(Comparator.comparingLong(GlobalEntity::getMentionCount).reversed()
                .thenComparingLong(GlobalEntity::getId));
        assertEquals(ids(expected), ids(all));
        // Keeper k has k % 7 + 1 mentions: 6, 13 and 20 lead with 7.
        assertEquals(7, all.get(0).getMentionCount());
        assertEquals(fixture.keepers().get(5), all.get(0).getId());
        assertEquals(1, all.get(all.size() - 1).getMentionCount());
    }

    @Test
    void pageTokensAreOnlyValidForTheirQuery() {
        String token = search("zebrafinch", Entity.Type.TYPE_UNSPECIFIED, 10, "").getNextPageToken();
        assertFalse(token.isEmpty());

        // The same words with another type filter are another query.
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "page_token: was issued for a different query",
                () -> search("zebrafinch", Entity.Type.PERSON, 10, token));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "page_token: was issued for a different query",
                () -> search("lavrov", Entity.Type.TYPE_UNSPECIFIED, 10, token));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "page_token: is not a token this service issued",
                () -> search("zebrafinch", Entity.Type.TYPE_UNSPECIFIED, 10, "%%%"));
        // The same key written differently is the same query.
        assertEquals(10, search("ZEBRAFINCH", Entity.Type.TYPE_UNSPECIFIED, 10, token).getEntitiesCount());
    }

    @Test
    void badSearchesAreRejected() {
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "query: must not be empty",
                () -> search("", Entity.Type.TYPE_UNSPECIFIED, 0, ""));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "query: must contain a letter or digit",
                () -> search("-- ;", Entity.Type.TYPE_UNSPECIFIED, 0, ""));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "query: must be at most 200 characters",
                () -> search("x".repeat(201), Entity.Type.TYPE_UNSPECIFIED, 0, ""));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "page_size: must not be negative",
                () -> search("lavrov", Entity.Type.TYPE_UNSPECIFIED, -5, ""));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "type: is not a known entity type",
                () -> query.searchEntities(SearchEntitiesRequest.newBuilder().setQuery("lavrov").setTypeValue(42).build()));
    }

    @Test
    void sqlLookingNamesAreJustText() {
        long entities = store.count("entity");

        assertEquals(0, search("'; DROP TABLE entity; --", Entity.Type.TYPE_UNSPECIFIED, 0, "").getEntitiesCount());
        // The whole text is the name looked for: no entity is called that, but "lavrov or 1 1" is similar to
        // the names holding "lavrov" (an injected OR 1=1 would have matched every entity).
        assertEquals(List.of(fixture.lavrov(), fixture.lavrovInstitute()),
                ids(search("lavrov' OR 1=1 --", Entity.Type.TYPE_UNSPECIFIED, 0, "")));

        assertEquals(entities, store.count("entity"));
        assertTrue(store.count("entity_alias") > entities);
    }

    @Test
    void aPageCostsTheSameFewStatementsWhateverItsSize() {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();

        statistics.clear();
        assertEquals(1, search("zebrafinch keeper 7", Entity.Type.TYPE_UNSPECIFIED, 1, "").getEntitiesCount());
        long forOne = statistics.getPrepareStatementCount();
        statistics.clear();
        assertEquals(TestStore.KEEPERS, search("zebrafinch", Entity.Type.TYPE_UNSPECIFIED, 100, "").getEntitiesCount());
        long forAll = statistics.getPrepareStatementCount();

        assertTrue(forOne > 0, "statistics count statements");
        assertEquals(forOne, forAll);
        // The search (the store's entity_search function) and the profiles of what it found, together,
        // after the statement that gives it the searches' statement_timeout.
        assertEquals(2, forAll, "statements for a page");
    }

    // The statement SearchEntities ran before the V7 entity_search function, with the key written in
    // (keys hold only letters, digits and spaces) and every match returned.
    private static final String INLINE_SEARCH = """
            SELECT matched.entity_id, 0
            FROM (SELECT al.entity_id, bool_or(al.alias_key = '%1$s') AS exact,
                         bool_or(strpos(' ' || al.alias_key, ' ' || '%1$s') > 0) AS word,
                         bool_or(al.alias_key %% '%1$s') AS similar
                  FROM entity_alias al JOIN entity e ON e.id = al.entity_id
                  WHERE (al.alias_key LIKE '%%%1$s%%' OR al.alias_key %% '%1$s') %2$s
                  GROUP BY al.entity_id) matched
            JOIN entity e ON e.id = matched.entity_id
            WHERE matched.word OR matched.similar
            ORDER BY matched.exact DESC, matched.word DESC, e.mention_count DESC, matched.entity_id
            """;

    @Test
    void searchFindsWhatTheInlineStatementBeforeTheFunctionFound() {
        record Case(String query, Entity.Type type) {
        }
        List<Case> cases = List.of(new Case("lavrov", Entity.Type.TYPE_UNSPECIFIED),
                new Case("lavrof", Entity.Type.TYPE_UNSPECIFIED), new Case("qure", Entity.Type.TYPE_UNSPECIFIED),
                new Case("zebrafinch", Entity.Type.TYPE_UNSPECIFIED), new Case("lavrov", Entity.Type.PERSON),
                new Case("lavrov", Entity.Type.ORGANIZATION), new Case("kureshi", Entity.Type.TYPE_UNSPECIFIED));
        for (Case c : cases) {
            String key = newsroom.store.NameKey.of(c.query());
            String type = c.type() == Entity.Type.TYPE_UNSPECIFIED ? "" : "AND e.type = '" + c.type().name() + "'";
            List<Long> before = store.rows(INLINE_SEARCH.formatted(key, type)).stream()
                    .map(row -> ((Number) row[0]).longValue()).toList();
            List<Long> now = new ArrayList<>();
            String token = "";
            do {
                SearchEntitiesResponse page = search(c.query(), c.type(), 7, token);
                now.addAll(ids(page));
                token = page.getNextPageToken();
            } while (!token.isEmpty());

            assertFalse(before.isEmpty() && c.type() == Entity.Type.TYPE_UNSPECIFIED, c.toString());
            assertEquals(before, now, c.toString());
        }
    }

    @Test
    void getEntityReturnsTheProfile() {
        GlobalEntity lavrov = query.getEntity(GetEntityRequest.newBuilder().setEntityId(fixture.lavrov()).build())
                .getEntity();

        assertLavrovProfile(lavrov);
    }

    @Test
    void entityWithoutQuotesHasZeroQuotes() {
        GlobalEntity pakistan = query.getEntity(GetEntityRequest.newBuilder().setEntityId(fixture.pakistan()).build())
                .getEntity();

        assertEquals("Pakistan", pakistan.getName());
        assertEquals(Entity.Type.GPE, pakistan.getType());
        assertEquals(List.of(), pakistan.getAliasesList());
        assertEquals(0, pakistan.getQuoteCount());
        assertEquals(2, pakistan.getArticleCount());
        assertEquals(2, pakistan.getMentionCount());
    }

    @Test
    void unknownOrInvalidEntityIds() {
        assertFailsWith(Status.Code.NOT_FOUND, "entity 987654321 does not exist",
                () -> query.getEntity(GetEntityRequest.newBuilder().setEntityId(987_654_321L).build()));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "entity_id: must be positive",
                () -> query.getEntity(GetEntityRequest.newBuilder().setEntityId(0).build()));
    }

    private void assertLavrovProfile(GlobalEntity lavrov) {
        assertEquals(fixture.lavrov(), lavrov.getId());
        assertEquals("Sergey Lavrov", lavrov.getName());
        assertEquals(Entity.Type.PERSON, lavrov.getType());
        assertEquals(List.of("Lavrov", "Sergei Lavrov"), lavrov.getAliasesList());
        // Three mentions in each article.
        assertEquals(6, lavrov.getMentionCount());
        assertEquals(2, lavrov.getArticleCount());
        assertEquals(TestStore.A1_PUBLISHED.getEpochSecond(), lavrov.getFirstSeenTime().getSeconds());
        assertEquals(TestStore.A2_PUBLISHED.getEpochSecond(), lavrov.getLastSeenTime().getSeconds());
        assertEquals(3, lavrov.getQuoteCount());
    }

    private SearchEntitiesResponse search(String text, Entity.Type type, int pageSize, String pageToken) {
        return query.searchEntities(SearchEntitiesRequest.newBuilder()
                .setQuery(text).setType(type).setPageSize(pageSize).setPageToken(pageToken).build());
    }

    private static List<Long> ids(SearchEntitiesResponse response) {
        return ids(response.getEntitiesList());
    }

    private static List<Long> ids(List<GlobalEntity> entities) {
        return entities.stream().map(GlobalEntity::getId).toList();
    }
}
