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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.query.articles.ArticleFilter;
import newsroom.query.articles.ArticleQueries;
import newsroom.query.articles.SearchFacets;
import newsroom.query.v1.ArticleHit;
import newsroom.query.v1.ArticleSummary;
import newsroom.query.v1.GetArticleRequest;
import newsroom.query.v1.GetArticleResponse;
import newsroom.query.v1.QueryServiceGrpc;
import newsroom.query.v1.SearchArticlesRequest;
import newsroom.query.v1.SearchArticlesResponse;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticlesTest extends StoreFixtureTest {

    @GrpcClient("query")
    QueryServiceGrpc.QueryServiceBlockingStub query;

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Inject
    ArticleQueries articles;

    @Test
    void getArticleReturnsMetadataTextAnalysisAndGlobalEntities() {
        GetArticleResponse response = query.getArticle(GetArticleRequest.newBuilder().setArticleId(fixture.a1()).build());

        ArticleSummary article = response.getArticle();
        assertEquals(fixture.a1(), article.getId());
        assertEquals("Pakistan and Russia vow to deepen ties", article.getTitle());
        assertEquals("Test Wire", article.getSource());
        assertEquals("https://example.org/a1", article.getUrl());
        assertEquals(TestStore.A1_PUBLISHED.getEpochSecond(), article.getPublishedTime().getSeconds());
        assertEquals("en", article.getLanguage());
        assertEquals(ArticleStatus.ANALYZED, article.getStatus());
        assertEquals(TestStore.A1_TEXT, response.getCleanedText());
        assertEquals(fixture.a1Analysis(), response.getAnalysis());
        assertEquals(Map.of("e1", fixture.lavrov(), "e2", fixture.qureshi(), "e3", fixture.pakistan()),
                response.getGlobalEntityIdsMap());
    }

    @Test
    void aSubmittedArticleHasNoAuthorCanonicalUrlOrSource() {
        ArticleSummary article = query.getArticle(GetArticleRequest.newBuilder().setArticleId(fixture.a1()).build())
                .getArticle();

        assertEquals("", article.getAuthor());
        assertEquals("", article.getCanonicalUrl());
        assertFalse(article.getPublishedTimeEstimated());
        assertEquals(0, article.getSourceId());
    }

    @Test
    void aFetchedArticleShowsItsAuthorCanonicalUrlEstimatedTimeAndSource() {
        long fetched = store.addFetchedArticle("Wombat census", "The wombat census counted many wombats.",
                "Ada Reporter", "https://example.org/wombats");
        try {
            ArticleSummary article = query.getArticle(GetArticleRequest.newBuilder().setArticleId(fetched).build())
                    .getArticle();
            assertEquals("Ada Reporter", article.getAuthor());
            assertEquals("https://example.org/wombats", article.getCanonicalUrl());
            assertTrue(article.getPublishedTimeEstimated());
            assertTrue(article.getSourceId() > 0);
            // Lists read the same columns (ArticleMetadata.COLUMNS) as GetArticle.
            ArticleSummary hit = search("wombat", 0, "").getHits(0).getArticle();
            assertEquals(article, hit);
        } finally {
            store.deleteFetchedArticle(fetched);
        }
    }

    @Test
    void getArticleWithoutUrlHasAnEmptyUrl() {
        GetArticleResponse response = query.getArticle(GetArticleRequest.newBuilder().setArticleId(fixture.a2()).build());

        assertEquals("", response.getArticle().getUrl());
        assertEquals("Lavrov visits Ankara", response.getArticle().getTitle());
        assertEquals(5, response.getGlobalEntityIdsCount());
    }

    @Test
    void articleAwaitingAnalysisHasNoAnalysis() {
        GetArticleResponse response = query.getArticle(
                GetArticleRequest.newBuilder().setArticleId(fixture.pending()).build());

        assertEquals(ArticleStatus.ACCEPTED, response.getArticle().getStatus());
        assertFalse(response.hasAnalysis());
        assertTrue(response.getGlobalEntityIdsMap().isEmpty());
        assertTrue(response.getCleanedText().startsWith("Trade talks continue"));
    }

    @Test
    void unknownArticleIsNotFound() {
        assertFailsWith(Status.Code.NOT_FOUND, "article 987654321 does not exist",
                () -> query.getArticle(GetArticleRequest.newBuilder().setArticleId(987_654_321L).build()));
    }

    @Test
    void articleIdMustBePositive() {
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "article_id: must be positive",
                () -> query.getArticle(GetArticleRequest.newBuilder().setArticleId(0).build()));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "article_id: must be positive",
                () -> query.getArticle(GetArticleRequest.newBuilder().setArticleId(-3).build()));
    }

    @Test
    void searchRanksTitleMatchesFirstAndHighlightsTheWords() {
        SearchArticlesResponse response = search("Lavrov", 0, "");

        assertEquals(List.of(fixture.a2(), fixture.a1()), ids(response.getHitsList()));
        assertTrue(response.getHits(0).getRank() > response.getHits(1).getRank(), response.toString());
        assertTrue(response.getHits(1).getSnippet().contains("<b>Lavrov</b>"), response.getHits(1).getSnippet());
        assertEquals("", response.getNextPageToken());
    }

    @Test
    void searchMatchesInflectionsAndExcludesNegatedWords() {
        // "cooperating" shares its stem with "cooperation"; "-Ankara" drops the second article.
        assertEquals(List.of(fixture.a1()), ids(search("cooperating", 0, "").getHitsList()));
        assertEquals(List.of(fixture.a1()), ids(search("Lavrov -Ankara", 0, "").getHitsList()));
        assertEquals(List.of(fixture.a2()), ids(search("\"Lavrov Institute\"", 0, "").getHitsList()));
    }

    @Test
    void searchFiltersByEntitySourceLanguageAndDate() {
        assertEquals(List.of(fixture.a2(), fixture.a1()),
                ids(query.searchArticles(request("Lavrov").setEntityId(fixture.qureshi()).build()).getHitsList()));
        assertEquals(List.of(fixture.a2()),
                ids(query.searchArticles(request("Lavrov").setEntityId(fixture.erdogan()).build()).getHitsList()));
        assertEquals(List.of(fixture.a2(), fixture.a1()),
                ids(query.searchArticles(request("Lavrov").setSource("Test Wire").setLanguage("en").build()).getHitsList()));
        assertEquals(List.of(),
                ids(query.searchArticles(request("Lavrov").setSource("Other Wire").build()).getHitsList()));
        assertEquals(List.of(),
                ids(query.searchArticles(request("Lavrov").setLanguage("de").build()).getHitsList()));
        assertEquals(List.of(fixture.a1()), ids(query.searchArticles(request("Lavrov")
                .setStartTime(CoverageTest.timestamp("2021-04-07T00:00:00Z"))
                .setEndTime(CoverageTest.timestamp("2021-04-08T00:00:00Z")).build()).getHitsList()));
        // Zebrafinch reports of January 2020: fillers 1 to 30 are published 2020-01-02 to 2020-01-31.
        List<ArticleHit> january = new ArrayList<>();
        String token = "";
        do {
            SearchArticlesResponse page = query.searchArticles(request("zebrafinch")
                    .setEndTime(CoverageTest.timestamp("2020-01-11T00:00:00Z")).setPageSize(3).setPageToken(token).build());
            january.addAll(page.getHitsList());
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        assertEquals(new HashSet<>(fixture.fillers().subList(0, 9)), new HashSet<>(ids(january)));
        assertEquals(9, january.size());
    }

    @Test
    void badSearchFiltersAreRejected() {
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "entity_id: must not be negative",
                () -> query.searchArticles(request("Lavrov").setEntityId(-1).build()));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "source: must be at most 200 characters",
                () -> query.searchArticles(request("Lavrov").setSource("s".repeat(201)).build()));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "end_time: must be after start_time",
                () -> query.searchArticles(request("Lavrov").setStartTime(CoverageTest.timestamp("2021-04-08T00:00:00Z"))
                        .setEndTime(CoverageTest.timestamp("2021-04-07T00:00:00Z")).build()));
        String token = query.searchArticles(request("zebrafinch").setPageSize(2).build()).getNextPageToken();
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "page_token: was issued for a different query",
                () -> query.searchArticles(request("zebrafinch").setPageSize(2).setSource("Test Wire")
                        .setPageToken(token).build()));
    }

    @Test
    void facetsCountAllMatchesAndNameTheTopSourcesAndEntities() {
        // Fillers 1 to 3 and 4 to 6 published by others: a tie between them, broken by name.
        store.setSource(fixture.fillers().subList(0, 3), "Bird Daily");
        store.setSource(fixture.fillers().subList(3, 6), "Avian Post");
        try {
            SearchArticlesResponse first = query.searchArticles(request("zebrafinch").setPageSize(7)
                    .setIncludeFacets(true).build());
            assertEquals(7, first.getHitsCount());
            assertEquals(TestStore.FILLER_ARTICLES, first.getTotalSize());
            assertFalse(first.getTotalSizeIsLowerBound());
            assertEquals(List.of("Test Wire=24", "Avian Post=3", "Bird Daily=3"), sources(first));
            // Filler i mentions keeper (i - 1) % 25 + 1: keepers 1 to 5 are in two fillers, the rest in one;
            // ties by id, and at most ten.
            List<String> keepers = new ArrayList<>();
            for (int k = 1; k <= ArticleQueries.TOP_FACETS; k++) {
                keepers.add(fixture.keepers().get(k - 1) + "=" + (k <= 5 ? 2 : 1));
            }
            assertEquals(keepers, entities(first));
            assertEquals("Zebrafinch Keeper 1", first.getTopEntities(0).getEntity().getName());

            // Every page counts all the matches, not the rest; the hits are those of a page without facets.
            SearchArticlesResponse second = query.searchArticles(request("zebrafinch").setPageSize(7)
                    .setPageToken(first.getNextPageToken()).setIncludeFacets(true).build());
            assertEquals(TestStore.FILLER_ARTICLES, second.getTotalSize());
            assertEquals(second.getHitsList(), query.searchArticles(request("zebrafinch").setPageSize(7)
                    .setPageToken(first.getNextPageToken()).build()).getHitsList());

            // The filters narrow the facets as they narrow the hits.
            SearchArticlesResponse avian = query.searchArticles(request("zebrafinch").setSource("Avian Post")
                    .setIncludeFacets(true).build());
            assertEquals(3, avian.getTotalSize());
            assertEquals(List.of("Avian Post=3"), sources(avian));
        } finally {
            store.setSource(fixture.fillers().subList(0, 6), "Test Wire");
        }
    }

    @Test
    void facetsCountTheNewestMatchesUpToTheSampleAndSayWhenThereAreMore() {
        // Filler i is published on day i and mentions keeper (i - 1) % 25 + 1: the five newest, 26 to 30,
        // name keepers 1 to 5, once each.
        SearchFacets newestFive = facets("zebrafinch", 5);
        assertEquals(5, newestFive.countedMatches());
        assertTrue(newestFive.moreThanCounted());
        assertEquals(List.of(new SearchFacets.SourceCount("Test Wire", 5)), newestFive.topSources());
        assertEquals(fixture.keepers().subList(0, 5),
                newestFive.topEntities().stream().map(count -> count.entity().id()).toList());
        assertTrue(newestFive.topEntities().stream().allMatch(count -> count.articles() == 1));

        // Exact up to the sample, and a lower bound from one match more.
        SearchFacets allButOne = facets("zebrafinch", TestStore.FILLER_ARTICLES - 1);
        assertEquals(TestStore.FILLER_ARTICLES - 1, allButOne.countedMatches());
        assertTrue(allButOne.moreThanCounted());
        SearchFacets exactlyAll = facets("zebrafinch", TestStore.FILLER_ARTICLES);
        assertEquals(TestStore.FILLER_ARTICLES, exactlyAll.countedMatches());
        assertFalse(exactlyAll.moreThanCounted());
        SearchFacets roomToSpare = facets("zebrafinch", ArticleQueries.FACET_SAMPLE);
        assertEquals(TestStore.FILLER_ARTICLES, roomToSpare.countedMatches());
        assertFalse(roomToSpare.moreThanCounted());

        // The service counts the FACET_SAMPLE newest, which here are all the matches.
        SearchArticlesResponse response = query.searchArticles(request("zebrafinch").setIncludeFacets(true).build());
        assertEquals(TestStore.FILLER_ARTICLES, response.getTotalSize());
        assertFalse(response.getTotalSizeIsLowerBound());
    }

    private SearchFacets facets(String words, int sample) {
        return articles.search(words, ArticleFilter.NONE, 10, "", OptionalInt.of(sample)).facets().orElseThrow();
    }

    @Test
    void facetsOfAFewMatchesNameEveryEntityOfThem() {
        SearchArticlesResponse lavrov = query.searchArticles(request("Lavrov").setIncludeFacets(true).build());

        assertEquals(2, lavrov.getTotalSize());
        assertEquals(List.of("Test Wire=2"), sources(lavrov));
        // Lavrov, Qureshi and Pakistan are in both articles, Erdoğan and the institute in the second.
        assertEquals(List.of(fixture.lavrov() + "=2", fixture.qureshi() + "=2", fixture.pakistan() + "=2",
                fixture.erdogan() + "=1", fixture.lavrovInstitute() + "=1"), entities(lavrov));

        SearchArticlesResponse withErdogan = query.searchArticles(request("Lavrov").setEntityId(fixture.erdogan())
                .setIncludeFacets(true).build());
        assertEquals(1, withErdogan.getTotalSize());
        assertEquals(5, withErdogan.getTopEntitiesCount());
    }

    @Test
    void facetsAreLeftOutUnlessAskedForAndEmptyWithoutMatches() {
        SearchArticlesResponse without = search("Lavrov", 0, "");
        assertEquals(0, without.getTotalSize());
        assertEquals(0, without.getTopSourcesCount());
        assertEquals(0, without.getTopEntitiesCount());

        SearchArticlesResponse none = query.searchArticles(request("quetzalcoatl").setIncludeFacets(true).build());
        assertEquals(0, none.getHitsCount());
        assertEquals(0, none.getTotalSize());
        assertFalse(none.getTotalSizeIsLowerBound());
        assertEquals(0, none.getTopSourcesCount());
        assertEquals(0, none.getTopEntitiesCount());
    }

    @Test
    void facetsCostOneStatementWhateverThePageSizeAndTheMatches() {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();

        statistics.clear();
        search("zebrafinch", 1, "");
        long withoutFacets = statistics.getPrepareStatementCount();
        statistics.clear();
        query.searchArticles(request("Lavrov").setPageSize(1).setIncludeFacets(true).build());
        long forOne = statistics.getPrepareStatementCount();
        statistics.clear();
        query.searchArticles(request("zebrafinch").setPageSize(100).setIncludeFacets(true).build());
        long forAll = statistics.getPrepareStatementCount();

        assertTrue(withoutFacets > 0, "statistics count statements");
        assertEquals(withoutFacets + 1, forOne);
        assertEquals(forOne, forAll);
    }

    private static List<String> sources(SearchArticlesResponse response) {
        return response.getTopSourcesList().stream()
                .map(facet -> facet.getSource() + "=" + facet.getArticleCount()).toList();
    }

    private static List<String> entities(SearchArticlesResponse response) {
        return response.getTopEntitiesList().stream()
                .map(facet -> facet.getEntity().getId() + "=" + facet.getArticleCount()).toList();
    }

    @Test
    void searchWithNoMatchIsEmpty() {
        SearchArticlesResponse response = search("quetzalcoatl", 0, "");

        assertEquals(0, response.getHitsCount());
        assertEquals("", response.getNextPageToken());
    }

    @Test
    void pagingThroughSearchResultsVisitsEachArticleOnceInRankOrder() {
        List<ArticleHit> all = new ArrayList<>();
        List<SearchArticlesResponse> pages = PageWalk.pages(token -> search("zebrafinch", 7, token),
                SearchArticlesResponse::getNextPageToken);
        for (SearchArticlesResponse page : pages) {
            assertTrue(page.getHitsCount() <= 7);
            all.addAll(page.getHitsList());
        }

        assertEquals(5, pages.size());
        assertEquals(TestStore.FILLER_ARTICLES, all.size());
        assertEquals(new HashSet<>(fixture.fillers()), new HashSet<>(ids(all)));
        List<ArticleHit> expectedOrder = new ArrayList<>(all);
        expectedOrder.sort(Comparator.comparingDouble(ArticleHit::getRank).reversed()
                .thenComparing(hit -> -hit.getArticle().getId()));
        assertEquals(ids(expectedOrder), ids(all));
        // The filler says "zebrafinch" one to three times: the ranks are not all equal.
        assertTrue(all.get(0).getRank() > all.get(all.size() - 1).getRank());
    }

    @Test
    void snippetsHighlightWordsFarIntoALongText() {
        String text = "Opening words about nothing in particular. ".repeat(60)
                + "The companies met a quokka keeper in the valley. "
                + "Closing remarks of no interest. ".repeat(40);
        long deep = store.addArticle("Report from the valley", text, java.time.Instant.parse("1991-01-01T00:00:00Z"));
        long titleOnly = store.addArticle("Platypus sighted", "Nothing else is said here about it.",
                java.time.Instant.parse("1991-01-02T00:00:00Z"));
        try {
            String quokka = snippetOf(search("quokkas", 0, ""), deep);
            assertTrue(quokka.contains("<b>quokka</b> keeper"), quokka);
            assertTrue(quokka.length() < 400, quokka);
            assertFalse(quokka.startsWith("ords") || quokka.startsWith("rds"), quokka);
            // Snowball's stem of "company" is "compani"; the word is still found in "companies".
            assertTrue(snippetOf(search("company", 0, ""), deep).contains("<b>companies</b>"));
            // A match in the title only: the snippet is the text's start, without highlights.
            assertEquals("Nothing else is said here about it.", snippetOf(search("platypus", 0, ""), titleOnly));
        } finally {
            store.deleteArticles(List.of(deep, titleOnly));
        }
    }

    private static String snippetOf(SearchArticlesResponse response, long articleId) {
        return response.getHitsList().stream().filter(hit -> hit.getArticle().getId() == articleId)
                .findFirst().orElseThrow(() -> new AssertionError(articleId + " not in " + response)).getSnippet();
    }

    @Test
    void searchRanksTheNewestMatchesFirstAndReachesEveryMatch() {
        // The five oldest articles say the word five times and would rank
        // first; the RANKING_ROUND newer ones say it once or twice, so they
        // make the first round and the five oldest the second.
        int older = 5;
        int round = ArticleQueries.RANKING_ROUND;
        int[] times = new int[older + round];
        for (int i = 0; i < times.length; i++) {
            times[i] = i < older ? 5 : 1 + i % 2;
        }
        List<Long> extra = store.addArticles("wallaroo", java.time.Instant.parse("1990-01-01T00:00:00Z"), times);
        try {
            // Pages of 30 end inside rounds and the fourth crosses the first round's end.
            List<ArticleHit> all = searchAll("wallaroo", 30);
            assertEquals(ids(searchAll("wallaroo", 100)), ids(all), "pages of 30 and of 100 give one order");

            assertEquals(extra.size(), all.size());
            assertEquals(new HashSet<>(extra), new HashSet<>(ids(all)));
            List<ArticleHit> first = all.subList(0, round);
            assertEquals(new HashSet<>(extra.subList(older, extra.size())), new HashSet<>(ids(first)));
            assertEquals(new HashSet<>(extra.subList(0, older)), new HashSet<>(ids(all.subList(round, all.size()))));
            // Within a round, ranking decides the order: the articles saying the word twice first.
            for (int i = 1; i < first.size(); i++) {
                assertTrue(first.get(i - 1).getRank() >= first.get(i).getRank(), "ranked at " + i);
            }
            assertTrue(first.get(0).getRank() > first.get(round - 1).getRank());
            assertTrue(all.get(round).getRank() > first.get(0).getRank(), "the older round ranks on its own");
        } finally {
            store.deleteArticles(extra);
        }
        assertEquals(0, search("wallaroo", 1, "").getHitsCount());
    }

    @Test
    void aSearchReadFromTheNewestMonthsFirstGivesWhatTheWholeStoreGives() {
        // Newer than the rest of the store: 120 matches within the newest month (the first round
        // lies in it, the second does not), 30 more than a year older (past every bound
        // but none). Each old one says the word five times, so it would rank first in any round.
        int newest = 120;
        int[] once = new int[newest];
        java.util.Arrays.fill(once, 1);
        int[] often = new int[30];
        java.util.Arrays.fill(often, 5);
        List<Long> old = store.addArticles("numbat", java.time.Instant.parse("2028-01-01T00:00:00Z"), often);
        List<Long> recent = new ArrayList<>();
        for (int i = 0; i < newest; i++) {
            recent.add(store.addArticle("Recent report " + i, "Report " + i + " on the numbat.",
                    java.time.Instant.parse("2030-03-01T00:00:00Z").plusSeconds(3_600L * i)));
        }
        try {
            List<ArticleHit> all = searchAll("numbat", 30);
            int round = ArticleQueries.RANKING_ROUND;
            assertEquals(newest + old.size(), all.size());
            // The first round: the 100 newest, none of the old ones though they rank higher.
            assertEquals(new HashSet<>(recent.subList(newest - round, newest)),
                    new HashSet<>(ids(all.subList(0, round))));
            // The second: the rest of the recent month and the old ones, those ranked first.
            assertEquals(new HashSet<>(old), new HashSet<>(ids(all.subList(round, round + old.size()))));
            assertEquals(new HashSet<>(recent.subList(0, newest - round)),
                    new HashSet<>(ids(all.subList(round + old.size(), all.size()))));
            assertEquals(ids(searchAll("numbat", 100)), ids(all), "pages of 30 and of 100 give one order");

            // Facets: a sample inside the newest month, and one that needs the whole store.
            SearchFacets inMonth = facets("numbat", 50);
            assertEquals(50, inMonth.countedMatches());
            assertTrue(inMonth.moreThanCounted());
            SearchFacets whole = facets("numbat", ArticleQueries.FACET_SAMPLE);
            assertEquals(newest + old.size(), whole.countedMatches());
            assertFalse(whole.moreThanCounted());
            // Bounded by the request's own range: the old ones alone.
            assertEquals(new HashSet<>(old), new HashSet<>(ids(query.searchArticles(request("numbat")
                    .setEndTime(CoverageTest.timestamp("2029-01-01T00:00:00Z"))
                    .setPageSize(100).build()).getHitsList())));
        } finally {
            store.deleteArticles(old);
            store.deleteArticles(recent);
        }
    }

    private List<ArticleHit> searchAll(String text, int pageSize) {
        List<ArticleHit> all = new ArrayList<>();
        String token = "";
        do {
            SearchArticlesResponse page = search(text, pageSize, token);
            all.addAll(page.getHitsList());
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return all;
    }

    @Test
    void pageSizeZeroMeansTwentyAndNegativeIsRejected() {
        SearchArticlesResponse page = search("zebrafinch", 0, "");
        assertEquals(20, page.getHitsCount());
        assertFalse(page.getNextPageToken().isEmpty());

        assertFailsWith(Status.Code.INVALID_ARGUMENT, "page_size: must not be negative",
                () -> search("zebrafinch", -1, ""));
    }

    @Test
    void pageTokensAreOnlyValidForTheQueryThatIssuedThem() {
        String token = search("zebrafinch", 5, "").getNextPageToken();
        assertFalse(token.isEmpty());

        assertFailsWith(Status.Code.INVALID_ARGUMENT, "page_token: was issued for a different query",
                () -> search("Lavrov", 5, token));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "page_token: is not a token this service issued",
                () -> search("zebrafinch", 5, "not a token!"));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "page_token: is not a token this service issued",
                () -> search("zebrafinch", 5, "djE6LTU6MDAwMA"));
        // The page size may change between pages (AIP-158).
        assertEquals(10, search("zebrafinch", 10, token).getHitsCount());
    }

    @Test
    void queryMustBeGivenAndShort() {
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "query: must not be empty", () -> search("", 0, ""));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "query: must not be empty", () -> search("   ", 0, ""));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "query: must be at most 500 characters",
                () -> search("a".repeat(501), 0, ""));
        assertEquals(0, search("a".repeat(500), 0, "").getHitsCount());
    }

    @Test
    void searchTextThatLooksLikeSqlIsJustText() {
        long articles = store.count("article");

        for (String text : List.of("'; DROP TABLE article; --", "Lavrov' OR '1'='1", "\" OR \"\"=\"",
                "Lavrov); DELETE FROM quote; --", "%' UNION SELECT 1 --")) {
            SearchArticlesResponse response = search(text, 0, "");
            for (ArticleHit hit : response.getHitsList()) {
                assertTrue(hit.getArticle().getId() > 0);
            }
        }

        assertEquals(articles, store.count("article"));
        assertTrue(store.count("quote") > 0);
        // No article has the words "drop", "table" and "article"; quotes and semicolons are punctuation.
        assertEquals(0, search("'; DROP TABLE article; --", 0, "").getHitsCount());
        assertEquals(List.of(fixture.a2(), fixture.a1()), ids(search("Lavrov';", 0, "").getHitsList()));
    }

    private static SearchArticlesRequest.Builder request(String text) {
        return SearchArticlesRequest.newBuilder().setQuery(text);
    }

    private SearchArticlesResponse search(String text, int pageSize, String pageToken) {
        return query.searchArticles(SearchArticlesRequest.newBuilder()
                .setQuery(text).setPageSize(pageSize).setPageToken(pageToken).build());
    }

    private static List<Long> ids(List<ArticleHit> hits) {
        return hits.stream().map(hit -> hit.getArticle().getId()).toList();
    }
}
