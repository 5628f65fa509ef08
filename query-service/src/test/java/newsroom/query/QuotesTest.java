package newsroom.query;

import static newsroom.query.GrpcAssertions.assertFailsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.nlp.v1.AttributionForm;
import newsroom.query.paging.PageTokens;
import newsroom.query.v1.ListQuotesRequest;
import newsroom.query.v1.ListQuotesResponse;
import newsroom.query.v1.QueryServiceGrpc;
import newsroom.query.v1.QuoteRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QuotesTest extends StoreFixtureTest {

    private static final List<String> LAVROV_QUOTES = List.of(
            // The second article is newer, so its quote comes first.
            "Turkey is a partner on Syria",
            "Russia is ready to strengthen Pakistan's counter-terrorism capability",
            "We will hold joint exercises");

    @GrpcClient("query")
    QueryServiceGrpc.QueryServiceBlockingStub query;

    @Inject
    PageTokens pageTokens;

    @Inject
    DataSource dataSource;

    @Test
    void quotesOfASpeakerEntityComeNewestArticleFirstThenInTextOrder() {
        ListQuotesResponse response = query.listQuotes(request().setSpeakerEntityId(fixture.lavrov()).build());

        assertEquals(LAVROV_QUOTES, texts(response));
        assertEquals("", response.getNextPageToken());
        QuoteRecord first = response.getQuotes(0);
        assertEquals(fixture.lavrov(), first.getSpeakerEntityId());
        assertEquals("Sergey Lavrov", first.getSpeaker());
        assertEquals("say", first.getCue());
        assertEquals(fixture.a2(), first.getArticle().getId());
        assertEquals("Lavrov visits Ankara", first.getArticle().getTitle());
        assertEquals(ArticleStatus.ANALYZED, first.getArticle().getStatus());
        assertEquals(TestStore.A2_PUBLISHED.getEpochSecond(), first.getArticle().getPublishedTime().getSeconds());
        assertEquals(first.getText(), TestStore.A2_TEXT.substring(first.getBegin(), first.getEnd()));
        QuoteRecord added = response.getQuotes(2);
        assertEquals("add", added.getCue());
        assertEquals(fixture.a1(), added.getArticle().getId());
        assertEquals(added.getText(), TestStore.A1_TEXT.substring(added.getBegin(), added.getEnd()));
    }

    @Test
    void speakerNameMatchesAnyFormIgnoringCaseAndAccents() {
        for (String name : List.of("lavrov", "LAVROV", "Sergei Lavrov", "Sergey Lavrov", "sérgei lavróv")) {
            assertEquals(LAVROV_QUOTES, texts(query.listQuotes(request().setSpeakerName(name).build())), name);
        }
        assertEquals(List.of("Pakistan relations matter to us too", "Relations with Russia are a priority for Pakistan",
                        "We welcome the pipeline agreement"),
                texts(query.listQuotes(request().setSpeakerName("Shah Mahmood QURESHI").build())));
    }

    @Test
    void speakerNameMustBeAWholeNameOrAlias() {
        // Part of a name is not a name: "Sergei" alone was never seen for him.
        assertEquals(List.of(), texts(query.listQuotes(request().setSpeakerName("Sergei").build())));
    }

    @Test
    void textQueryFindsWordsInAnyInflection() {
        // "relation" matches "Relations" and "relations".
        ListQuotesResponse response = query.listQuotes(request().setTextQuery("relation").build());

        assertEquals(List.of("Pakistan relations matter to us too", "Relations with Russia are a priority for Pakistan"),
                texts(response));
        assertEquals(fixture.qureshi(), response.getQuotes(0).getSpeakerEntityId());
    }

    @Test
    void filtersCombineWithAnd() {
        assertEquals(List.of("We welcome the pipeline agreement"),
                texts(query.listQuotes(request().setSpeakerName("qureshi").setTextQuery("pipeline").build())));
        assertEquals(List.of(),
                texts(query.listQuotes(request().setSpeakerEntityId(fixture.lavrov()).setTextQuery("relations").build())));
        assertEquals(List.of(),
                texts(query.listQuotes(request().setSpeakerEntityId(fixture.lavrov()).setSpeakerName("Qureshi").build())));
        assertEquals(List.of("Turkey is a partner on Syria"), texts(query.listQuotes(request()
                .setSpeakerEntityId(fixture.lavrov()).setSpeakerName("lavrov").setTextQuery("Syria").build())));
    }

    @Test
    void quotesNearAnEntityMention() {
        // Pakistan is named at the start of the first article and inside a quote of the second; a
        // mention within 300 characters of a quote makes it near.
        assertEquals(List.of("Turkey is a partner on Syria", "Pakistan relations matter to us too",
                        TestStore.A2_INDIRECT, TestStore.A2_MIXED,
                        "Russia is ready to strengthen Pakistan's counter-terrorism capability",
                        "We will hold joint exercises", "Relations with Russia are a priority for Pakistan"),
                texts(query.listQuotes(request().setNearEntityId(fixture.pakistan()).build())));
        assertEquals(List.of("Relations with Russia are a priority for Pakistan"), texts(query.listQuotes(
                request().setNearEntityId(fixture.pakistan()).setSpeakerEntityId(fixture.qureshi())
                        .setEndTime(CoverageTest.timestamp("2021-04-08T00:00:00Z")).build())));
        assertEquals(List.of(), texts(query.listQuotes(request().setNearEntityId(987_654_321L).build())));
    }

    @Test
    void pagingThroughQuotesNearAnEntityKeepsTheNewestFirstOrder() {
        List<String> all = texts(query.listQuotes(request().setNearEntityId(fixture.pakistan()).build()));
        List<String> paged = new java.util.ArrayList<>();
        for (ListQuotesResponse page : PageWalk.pages(token -> query.listQuotes(request()
                .setNearEntityId(fixture.pakistan()).setPageSize(2).setPageToken(token).build()),
                ListQuotesResponse::getNextPageToken)) {
            paged.addAll(texts(page));
        }

        assertEquals(7, all.size());
        assertEquals(all, paged);
        assertEquals(List.of("Turkey is a partner on Syria", "Pakistan relations matter to us too",
                        TestStore.A2_INDIRECT, TestStore.A2_MIXED),
                texts(query.listQuotes(request().setNearEntityId(fixture.pakistan())
                        .setStartTime(CoverageTest.timestamp("2021-04-08T00:00:00Z")).build())));
    }

    @Test
    void quotesInADateRange() {
        assertEquals(List.of("Turkey is a partner on Syria", "Pakistan relations matter to us too",
                        TestStore.A2_INDIRECT, TestStore.A2_MIXED),
                texts(query.listQuotes(request().setStartTime(CoverageTest.timestamp("2021-04-08T00:00:00Z"))
                        .setEndTime(CoverageTest.timestamp("2021-04-09T00:00:00Z")).build())));
        // Filler 1 of 2020-01-02 has four quotes.
        assertEquals(TestStore.QUOTES_PER_FILLER, query.listQuotes(request()
                .setStartTime(CoverageTest.timestamp("2020-01-02T00:00:00Z"))
                .setEndTime(CoverageTest.timestamp("2020-01-03T00:00:00Z")).build()).getQuotesCount());
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "end_time: must be after start_time",
                () -> query.listQuotes(request().setStartTime(CoverageTest.timestamp("2020-01-03T00:00:00Z"))
                        .setEndTime(CoverageTest.timestamp("2020-01-02T00:00:00Z")).build()));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "near_entity_id: must not be negative",
                () -> query.listQuotes(request().setNearEntityId(-2).build()));
    }

    @Test
    void theFormFilterListsOnlyQuotesOfThatForm() {
        ListQuotesResponse indirect = query.listQuotes(request().setForm(AttributionForm.INDIRECT).build());
        assertEquals(List.of(TestStore.A2_INDIRECT), texts(indirect));
        QuoteRecord reported = indirect.getQuotes(0);
        assertEquals(AttributionForm.INDIRECT, reported.getForm());
        assertEquals(fixture.erdogan(), reported.getSpeakerEntityId());
        assertEquals("Recep Tayyip Erdoğan", reported.getSpeaker());
        assertEquals(reported.getText(), TestStore.A2_TEXT.substring(reported.getBegin(), reported.getEnd()));

        ListQuotesResponse mixed = query.listQuotes(request().setForm(AttributionForm.MIXED).build());
        assertEquals(List.of(TestStore.A2_MIXED), texts(mixed));
        assertEquals(AttributionForm.MIXED, mixed.getQuotes(0).getForm());

        // Quotes whose analysis gave no form were stored as DIRECT.
        List<QuoteRecord> direct = all(request().setForm(AttributionForm.DIRECT));
        assertEquals(store.count("quote") - 2, direct.size());
        assertTrue(direct.stream().allMatch(quote -> quote.getForm() == AttributionForm.DIRECT));
        // Without the filter, each quote carries its form: the second article's, in order of appearance.
        assertEquals(List.of(AttributionForm.DIRECT, AttributionForm.DIRECT, AttributionForm.INDIRECT,
                        AttributionForm.MIXED),
                query.listQuotes(request().setStartTime(CoverageTest.timestamp("2021-04-08T00:00:00Z"))
                        .setEndTime(CoverageTest.timestamp("2021-04-09T00:00:00Z")).build())
                        .getQuotesList().stream().map(QuoteRecord::getForm).toList());
    }

    @Test
    void textSearchFindsReportedSpeech() {
        ListQuotesResponse chapter = query.listQuotes(request().setTextQuery("chapters").build());
        assertEquals(List.of(TestStore.A2_INDIRECT), texts(chapter));
        assertEquals(AttributionForm.INDIRECT, chapter.getQuotes(0).getForm());
        assertEquals(List.of(TestStore.A2_MIXED), texts(query.listQuotes(request().setTextQuery("overdue").build())));
        assertEquals(List.of(), texts(query.listQuotes(request().setTextQuery("chapter")
                .setForm(AttributionForm.DIRECT).build())));
    }

    @Test
    void theFormCombinesWithTheOtherFilters() {
        assertEquals(List.of(TestStore.A2_INDIRECT), texts(query.listQuotes(request()
                .setSpeakerEntityId(fixture.erdogan()).setForm(AttributionForm.INDIRECT).build())));
        assertEquals(List.of(), texts(query.listQuotes(request()
                .setSpeakerEntityId(fixture.erdogan()).setForm(AttributionForm.DIRECT).build())));
        assertEquals(List.of(TestStore.A2_MIXED), texts(query.listQuotes(request()
                .setSpeakerName("erdogan").setForm(AttributionForm.MIXED).build())));
        assertEquals(List.of(TestStore.A2_INDIRECT), texts(query.listQuotes(request()
                .setNearEntityId(fixture.pakistan()).setForm(AttributionForm.INDIRECT).build())));
        assertEquals(List.of("Turkey is a partner on Syria", "Pakistan relations matter to us too"),
                texts(query.listQuotes(request().setForm(AttributionForm.DIRECT)
                        .setStartTime(CoverageTest.timestamp("2021-04-08T00:00:00Z"))
                        .setEndTime(CoverageTest.timestamp("2021-04-09T00:00:00Z")).build())));
        assertEquals(List.of(), texts(query.listQuotes(request().setForm(AttributionForm.INDIRECT)
                .setEndTime(CoverageTest.timestamp("2021-04-08T00:00:00Z")).build())));
    }

    @Test
    void aBadFormIsRejectedAndTokensKeepTheirForm() {
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "form: must be DIRECT, MIXED, INDIRECT or unset",
                () -> query.listQuotes(request().setFormValue(7).build()));
        String token = query.listQuotes(request().setForm(AttributionForm.DIRECT).setPageSize(5).build())
                .getNextPageToken();
        assertFalse(token.isEmpty());
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "page_token: was issued for a different query",
                () -> query.listQuotes(request().setForm(AttributionForm.INDIRECT).setPageToken(token).build()));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "page_token: was issued for a different query",
                () -> query.listQuotes(request().setPageToken(token).build()));
    }

    @Test
    void quoteWithoutSpeakerHasZeroIdAndEmptyName() {
        ListQuotesResponse response = query.listQuotes(request().setTextQuery("double").build());

        assertEquals(1, response.getQuotesCount());
        QuoteRecord quote = response.getQuotes(0);
        assertEquals("Trade will double", quote.getText());
        assertEquals(0, quote.getSpeakerEntityId());
        assertEquals("", quote.getSpeaker());
        assertEquals(fixture.a1(), quote.getArticle().getId());
    }

    @Test
    void noFilterListsEveryQuoteOnceAcrossPages() {
        List<QuoteRecord> all = new ArrayList<>();
        for (ListQuotesResponse page : PageWalk.pages(token -> query.listQuotes(request().setPageSize(37)
                .setPageToken(token).build()), ListQuotesResponse::getNextPageToken)) {
            assertTrue(page.getQuotesCount() <= 37);
            all.addAll(page.getQuotesList());
        }

        assertEquals(store.count("quote"), all.size());
        Set<String> distinct = new HashSet<>();
        for (QuoteRecord quote : all) {
            assertTrue(distinct.add(quote.getArticle().getId() + ":" + quote.getBegin()), "twice: " + quote);
        }
        for (int i = 1; i < all.size(); i++) {
            QuoteRecord before = all.get(i - 1);
            QuoteRecord after = all.get(i);
            long beforeTime = before.getArticle().getPublishedTime().getSeconds();
            long afterTime = after.getArticle().getPublishedTime().getSeconds();
            boolean ordered = beforeTime > afterTime
                    || beforeTime == afterTime && before.getArticle().getId() > after.getArticle().getId()
                    || before.getArticle().getId() == after.getArticle().getId() && before.getBegin() < after.getBegin();
            assertTrue(ordered, before + " before " + after);
        }
        assertEquals(fixture.a2(), all.get(0).getArticle().getId());
    }

    @Test
    void pagesFollowByKeyPastTheOffsetCapEachQuoteOnceInOrder() throws Exception {
        // More quotes than any offset token reaches, with many ties: 50 quotes share each date, split
        // between two articles, and offsets in an article repeat (the id breaks those ties).
        int count = pageTokens.maxOffset() + 150;
        execute("""
                SELECT create_month_partitions('2020-01-01');
                INSERT INTO quote (article_id, text, begin_offset, end_offset, published_at, form)
                SELECT CASE WHEN g %% 2 = 0 THEN %d ELSE %d END, 'keysetwalk ' || g, g %% 7, g %% 7 + 5,
                       '2020-01-01T00:00:00.123456Z'::timestamptz + (g / 50) * interval '1 minute', 'DIRECT'
                FROM generate_series(1, %d) g""".formatted(fixture.a1(), fixture.a2(), count));
        try {
            List<String> expected = store.rows("SELECT text, id FROM quote WHERE text LIKE 'keysetwalk %'"
                    + " ORDER BY published_at DESC, article_id DESC, begin_offset, id").stream()
                    .map(row -> (String) row[0]).toList();
            List<String> walked = new ArrayList<>();
            for (ListQuotesResponse page : PageWalk.pages(token -> query.listQuotes(request()
                    .setTextQuery("keysetwalk").setPageSize(100).setPageToken(token).build()),
                    ListQuotesResponse::getNextPageToken)) {
                walked.addAll(texts(page));
            }

            assertEquals(count, expected.size());
            assertEquals(expected, walked);
        } finally {
            execute("DELETE FROM quote WHERE text LIKE 'keysetwalk %'");
        }
    }

    @Test
    void aTokenWithAnotherKeyIsRefused() {
        ListQuotesRequest first = request().setTextQuery("zebrafinch").setPageSize(5).build();
        String token = query.listQuotes(first).getNextPageToken();
        int dot = token.indexOf('.');
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
        assertTrue(payload.startsWith("v3:"), payload);
        // The next page's key, with the quote id (its last value) moved back.
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replaceFirst("(v3:[0-9,]*,)[0-9]+:", "$11:").getBytes(StandardCharsets.UTF_8))
                + token.substring(dot);
        assertFalse(forged.equals(token));

        assertFailsWith(Status.Code.INVALID_ARGUMENT, "page_token: is not a token this service issued, or was"
                + " altered; pass a previous response's next_page_token unchanged, or restart from the first page",
                () -> query.listQuotes(first.toBuilder().setPageToken(forged).build()));
    }

    // The statement ListQuotes ran before the page was chosen from the quotes alone: every quote joined to
    // its article and speaker first. %1$s is the FROM, %2$s the WHERE, %3$s the date ordered by.
    private static final String JOINED_FIRST = """
            SELECT a.id, q.text, q.speaker_entity_id, coalesce(e.name, q.speaker), q.cue, q.begin_offset,
                   q.end_offset, q.form
            FROM %1$s
            JOIN article a ON a.id = q.article_id
            LEFT JOIN entity e ON e.id = q.speaker_entity_id
            WHERE %2$s
            ORDER BY %3$s DESC, q.article_id DESC, q.begin_offset, q.id
            """;

    @Test
    void everyFilterListsWhatTheStatementJoiningFirstListed() {
        String near = "ea.entity_id = %d AND EXISTS (SELECT 1 FROM mention m WHERE m.article_id = q.article_id"
                + " AND m.entity_id = %d AND m.begin_offset < q.end_offset + 300 AND m.end_offset > q.begin_offset - 300)";
        record Case(ListQuotesRequest request, String from, String where, String date) {
        }
        List<Case> cases = List.of(
                new Case(request().build(), "quote q", "TRUE", "q.published_at"),
                new Case(request().setSpeakerEntityId(fixture.lavrov()).build(), "quote q",
                        "q.speaker_entity_id = " + fixture.lavrov(), "q.published_at"),
                new Case(request().setTextQuery("zebrafinch").build(), "quote q",
                        "q.text_vector @@ websearch_to_tsquery('english', 'zebrafinch')", "q.published_at"),
                new Case(request().setNearEntityId(fixture.pakistan()).build(),
                        "entity_article ea JOIN quote q ON q.article_id = ea.article_id",
                        near.formatted(fixture.pakistan(), fixture.pakistan()), "ea.published_at"),
                new Case(request().setForm(AttributionForm.DIRECT).build(), "quote q", "q.form = 'DIRECT'",
                        "q.published_at"),
                new Case(request().setForm(AttributionForm.DIRECT).setTextQuery("zebrafinch").build(), "quote q",
                        "q.form = 'DIRECT' AND q.text_vector @@ websearch_to_tsquery('english', 'zebrafinch')",
                        "q.published_at"),
                new Case(request().setForm(AttributionForm.MIXED).setNearEntityId(fixture.pakistan()).build(),
                        "entity_article ea JOIN quote q ON q.article_id = ea.article_id",
                        "q.form = 'MIXED' AND " + near.formatted(fixture.pakistan(), fixture.pakistan()),
                        "ea.published_at"));
        for (Case c : cases) {
            List<String> before = store.rows(JOINED_FIRST.formatted(c.from(), c.where(), c.date())).stream()
                    .map(row -> row[0] + "|" + row[1] + "|" + (row[2] == null ? 0 : row[2]) + "|"
                            + (row[3] == null ? "" : row[3]) + "|" + (row[4] == null ? "" : row[4]) + "|" + row[5]
                            + "|" + row[6] + "|" + row[7])
                    .toList();
            List<String> now = new ArrayList<>();
            for (ListQuotesResponse page : PageWalk.pages(token -> query.listQuotes(c.request().toBuilder()
                    .setPageSize(7).setPageToken(token).build()), ListQuotesResponse::getNextPageToken)) {
                for (QuoteRecord quote : page.getQuotesList()) {
                    now.add(quote.getArticle().getId() + "|" + quote.getText() + "|" + quote.getSpeakerEntityId()
                            + "|" + quote.getSpeaker() + "|" + quote.getCue() + "|" + quote.getBegin() + "|"
                            + quote.getEnd() + "|" + quote.getForm());
                }
            }

            assertFalse(before.isEmpty(), c.request().toString());
            assertEquals(before, now, c.request().toString());
        }
    }

    @Test
    void pageSizeIsCappedAtOneHundred() {
        ListQuotesResponse page = query.listQuotes(request().setTextQuery("zebrafinch").setPageSize(1000).build());

        assertEquals(100, page.getQuotesCount());
        assertFalse(page.getNextPageToken().isEmpty());
        ListQuotesResponse rest = query.listQuotes(request().setTextQuery("zebrafinch").setPageSize(1000)
                .setPageToken(page.getNextPageToken()).build());
        assertEquals(TestStore.FILLER_ARTICLES * TestStore.QUOTES_PER_FILLER - 100, rest.getQuotesCount());
        assertEquals("", rest.getNextPageToken());
    }

    @Test
    void defaultPageSizeIsTwenty() {
        ListQuotesResponse page = query.listQuotes(request().setTextQuery("zebrafinch").build());

        assertEquals(20, page.getQuotesCount());
        assertFalse(page.getNextPageToken().isEmpty());
    }

    @Test
    void pageTokensAreOnlyValidForTheirFilters() {
        String token = query.listQuotes(request().setTextQuery("zebrafinch").setPageSize(5).build()).getNextPageToken();

        assertFailsWith(Status.Code.INVALID_ARGUMENT, "page_token: was issued for a different query",
                () -> query.listQuotes(request().setTextQuery("chorus").setPageToken(token).build()));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "page_token: was issued for a different query",
                () -> query.listQuotes(request().setTextQuery("zebrafinch").setSpeakerName("lavrov")
                        .setPageToken(token).build()));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "page_token: is not a token this service issued",
                () -> query.listQuotes(request().setTextQuery("zebrafinch").setPageToken("AAAA").build()));
        // A token from another method is not valid either, even for the same words.
        String searchToken = query.searchArticles(newsroom.query.v1.SearchArticlesRequest.newBuilder()
                .setQuery("zebrafinch").setPageSize(5).build()).getNextPageToken();
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "page_token: was issued for a different query",
                () -> query.listQuotes(request().setTextQuery("zebrafinch").setPageToken(searchToken).build()));
        assertEquals(5, query.listQuotes(request().setTextQuery("zebrafinch").setPageSize(5).setPageToken(token)
                .build()).getQuotesCount());
    }

    @Test
    void unknownSpeakersGiveAnEmptyList() {
        assertEquals(List.of(), texts(query.listQuotes(request().setSpeakerEntityId(987_654_321L).build())));
        assertEquals(List.of(), texts(query.listQuotes(request().setSpeakerName("Nobody Known").build())));
        assertEquals(List.of(), texts(query.listQuotes(request().setTextQuery("quetzalcoatl").build())));
    }

    @Test
    void badFiltersAreRejected() {
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "speaker_entity_id: must not be negative",
                () -> query.listQuotes(request().setSpeakerEntityId(-1).build()));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "speaker_name: must be at most 200 characters",
                () -> query.listQuotes(request().setSpeakerName("n".repeat(201)).build()));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "speaker_name: must contain a letter or digit",
                () -> query.listQuotes(request().setSpeakerName("';--").build()));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "text_query: must be at most 500 characters",
                () -> query.listQuotes(request().setTextQuery("t".repeat(501)).build()));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "page_size: must not be negative",
                () -> query.listQuotes(request().setPageSize(-20).build()));
    }

    @Test
    void sqlLookingFiltersAreJustText() {
        long quotes = store.count("quote");

        assertEquals(List.of(), texts(query.listQuotes(request().setSpeakerName("Lavrov'; DROP TABLE quote; --").build())));
        assertEquals(List.of(), texts(query.listQuotes(request().setTextQuery("'; DELETE FROM quote; --").build())));
        assertEquals(List.of("Turkey is a partner on Syria"),
                texts(query.listQuotes(request().setTextQuery("Syria'); --").build())));

        assertEquals(quotes, store.count("quote"));
    }

    /** Every quote the request lists, over as many pages of 37 as it takes. */
    private List<QuoteRecord> all(ListQuotesRequest.Builder request) {
        List<QuoteRecord> all = new ArrayList<>();
        for (ListQuotesResponse page : PageWalk.pages(token -> query.listQuotes(request.setPageSize(37)
                .setPageToken(token).build()), ListQuotesResponse::getNextPageToken)) {
            all.addAll(page.getQuotesList());
        }
        return all;
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static ListQuotesRequest.Builder request() {
        return ListQuotesRequest.newBuilder();
    }

    private static List<String> texts(ListQuotesResponse response) {
        return response.getQuotesList().stream().map(QuoteRecord::getText).toList();
    }
}
