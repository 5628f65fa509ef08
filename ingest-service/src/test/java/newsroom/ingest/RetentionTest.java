package newsroom.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import newsroom.auth.BearerKey;
import newsroom.ingest.v1.ApplyRetentionRequest;
import newsroom.ingest.v1.ApplyRetentionResponse;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.ingest.v1.GetIngestStatusRequest;
import newsroom.ingest.v1.GetReanalysisRequest;
import newsroom.ingest.v1.IngestServiceGrpc;
import newsroom.ingest.v1.RetentionMonth;
import newsroom.ingest.v1.RetentionServiceGrpc;
import newsroom.ingest.v1.StartReanalysisRequest;
import newsroom.store.MonthPartitions;
import newsroom.store.StoredArticle;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Retention ({@code RetentionService.ApplyRetention}, docs/retention.md) on a store with articles
 * in every month from 2023-01 to 2025-06 and in the current month, analysed, some in stories and
 * a re-analysis across the cut-off: exactly the months before the cut-off lose every row, in
 * every table, and their partitions; every other month's rows stay as they were; the rollups and
 * stories describe the remaining articles. A dry run, a bad request and a reader change nothing.
 * A month dropped behind a replica's back is created again when an article of it arrives.
 *
 * <p>The store is shared with the other test classes: the snapshots cover every month of it, and
 * the months before the cut-off include other classes' old articles (1981, 2001, 2003, ...).
 */
@QuarkusTest
class RetentionTest {

    /** 2024-06 when the test runs in 2026-12: the months up to 2024-05 go, 2024-06 on stay. */
    private static final YearMonth CUTOFF = YearMonth.of(2024, 6);
    private static final YearMonth FIRST = YearMonth.of(2023, 1);
    private static final YearMonth LAST = YearMonth.of(2025, 6);

    /** Per table: the rows, the month of a row (UTC), and what identifies a row with its figures. */
    private static final Map<String, String[]> TABLES = new TreeMap<>(Map.of(
            "article", new String[] {"article", "published_at", "id || '/' || status || '/' || coalesce(tone::text, '')"},
            "mention", new String[] {"mention", "published_at", "id || '/' || article_id || '/' || entity_id"},
            "quote", new String[] {"quote", "published_at", "id || '/' || coalesce(speaker_entity_id::text, '')"},
            "article_search", new String[] {"article_search", "published_at", "article_id::text"},
            "entity_day", new String[] {"entity_day", "day",
                "entity_id || '/' || day || '/' || mention_count || '/' || article_count || '/' || tone_count"},
            "entity_article", new String[] {"entity_article", "published_at",
                "entity_id || '/' || article_id || '/' || mention_count"},
            "article_entity", new String[] {"article_entity x JOIN article a ON a.id = x.article_id", "a.published_at",
                "x.article_id || '/' || x.local_entity_id || '/' || x.entity_id"},
            "event", new String[] {"event", "published_at", "id::text"},
            "story_signature", new String[] {"story_signature x JOIN article a ON a.id = x.article_id",
                "a.published_at", "x.article_id::text"}));

    @GrpcClient("ingest")
    IngestServiceGrpc.IngestServiceBlockingStub ingest;

    @GrpcClient("ingest")
    RetentionServiceGrpc.RetentionServiceBlockingStub retention;

    @Inject
    MonthPartitions partitions;

    @TestHTTPResource("/")
    URI server;

    @ConfigProperty(name = "newsroom.test.key.reader")
    String readerKey;

    @Test
    void removesExactlyTheOldMonthsAndKeepsTheRestAsItWas() throws Exception {
        int olderThan = monthsBetween(CUTOFF, YearMonth.now(ZoneOffset.UTC));
        List<Long> ids = new ArrayList<>();
        for (YearMonth month = FIRST; !month.isAfter(LAST); month = month.plusMonths(1)) {
            ids.add(ingestAt(talks(month.getMonthValue()), month.atDay(12).atTime(9, 30).toInstant(ZoneOffset.UTC)));
        }
        ids.add(ingestAt(talks(0), Instant.now()));
        // A story whose first report goes: its first remaining report (by id) leads it afterwards.
        List<String> report = Reports.sentences(Reports.newSeed(), 20);
        long root = ingestAt(Reports.text(report), Instant.parse("2024-03-10T10:00:00Z"));
        long firstKept = ingestAt(Reports.text(edited(report, 3)), Instant.parse("2025-02-10T10:00:00Z"));
        long secondKept = ingestAt(Reports.text(edited(report, 7)), Instant.parse("2024-08-10T10:00:00Z"));
        long removedCopy = ingestAt(Reports.text(edited(report, 11)), Instant.parse("2024-04-10T10:00:00Z"));
        ids.addAll(List.of(root, firstKept, secondKept, removedCopy));
        // A language Newsroom does not analyse: searchable from its insert on.
        long german = ingest.ingestArticle(Articles.request(Articles.plainText(
                "Der Rat sagte am Montag, der Plan gehe voran. " + Articles.unique()).setLanguage("de")
                .setPublishedTime(Articles.timestamp(Instant.parse("2023-07-01T00:00:00Z"))))).getArticleId();
        ids.forEach(this::awaitAnalyzed);
        assertEquals(root, Articles.stored(firstKept).storyId, "the copies joined the root's story");
        assertEquals(root, Articles.stored(secondKept).storyId);
        long reanalysis = reanalyze("2024-01-01T00:00:00Z", "2024-09-01T00:00:00Z");

        Map<String, Map<String, String>> before = snapshot();
        List<String> partitionsBefore = partitionNames();

        // A dry run lists the months with their rows and changes nothing.
        ApplyRetentionResponse dryRun = retention.applyRetention(ApplyRetentionRequest.newBuilder()
                .setOlderThanMonths(olderThan).setDryRun(true).build());
        assertTrue(dryRun.getDryRun());
        assertEquals(CUTOFF.toString(), dryRun.getCutoffMonth());
        assertEquals(CUTOFF.atDay(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond(), dryRun.getCutoffTime().getSeconds());
        List<String> removedMonths = dryRun.getMonthsList().stream().map(RetentionMonth::getMonth).toList();
        assertEquals(new TreeSet<>(removedMonths).stream().toList(), removedMonths, "oldest first");
        for (YearMonth month = FIRST; month.isBefore(CUTOFF); month = month.plusMonths(1)) {
            assertTrue(removedMonths.contains(month.toString()), month + " in " + removedMonths);
        }
        assertTrue(removedMonths.stream().allMatch(month -> YearMonth.parse(month).isBefore(CUTOFF)), removedMonths::toString);
        for (RetentionMonth month : dryRun.getMonthsList()) {
            String name = month.getMonth();
            assertEquals(count(before, "article", name), month.getArticleCount(), name);
            assertEquals(count(before, "mention", name), month.getMentionCount(), name);
            assertEquals(count(before, "quote", name), month.getQuoteCount(), name);
            assertEquals(count(before, "article_search", name), month.getSearchRowCount(), name);
            assertEquals(count(before, "entity_day", name), month.getEntityDayCount(), name);
        }
        RetentionMonth march = dryRun.getMonthsList().stream().filter(month -> month.getMonth().equals("2024-03"))
                .findFirst().orElseThrow();
        assertTrue(march.getArticleCount() >= 2 && march.getMentionCount() > 0 && march.getQuoteCount() > 0
                && march.getSearchRowCount() >= 2 && march.getEntityDayCount() > 0, march::toString);
        assertEquals(before, snapshot(), "a dry run changes nothing");
        assertEquals(partitionsBefore, partitionNames());

        // Bad requests and a reader change nothing either.
        assertRefused(Status.Code.INVALID_ARGUMENT, "older_than_months: must be from 1 to 1200 whole months, not 0",
                ApplyRetentionRequest.newBuilder().setOlderThanMonths(0));
        assertRefused(Status.Code.INVALID_ARGUMENT, "older_than_months: must be from 1 to 1200 whole months, not 1201",
                ApplyRetentionRequest.newBuilder().setOlderThanMonths(1201));
        assertRefused(Status.Code.INVALID_ARGUMENT, "expected_cutoff_month: '2024/06' is not a month",
                ApplyRetentionRequest.newBuilder().setOlderThanMonths(olderThan).setExpectedCutoffMonth("2024/06"));
        assertRefused(Status.Code.FAILED_PRECONDITION, "expected_cutoff_month: the cut-off month is now 2024-06, not"
                + " 2024-05", ApplyRetentionRequest.newBuilder().setOlderThanMonths(olderThan)
                .setExpectedCutoffMonth("2024-05"));
        ManagedChannel plain = ManagedChannelBuilder.forAddress(server.getHost(), server.getPort()).usePlaintext().build();
        try {
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> RetentionServiceGrpc
                    .newBlockingStub(plain).withInterceptors(new BearerKey(readerKey))
                    .withDeadlineAfter(10, TimeUnit.SECONDS)
                    .applyRetention(ApplyRetentionRequest.newBuilder().setOlderThanMonths(olderThan).build()));
            assertEquals(Status.Code.PERMISSION_DENIED, refused.getStatus().getCode());
            assertTrue(refused.getStatus().getDescription().startsWith("the API key \"test-reader\" lacks the writer"
                    + " role that newsroom.ingest.v1.RetentionService needs"), refused::toString);
        } finally {
            plain.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        assertEquals(before, snapshot(), "refused requests change nothing");
        assertEquals(partitionsBefore, partitionNames());

        ApplyRetentionResponse applied = retention.applyRetention(ApplyRetentionRequest.newBuilder()
                .setOlderThanMonths(olderThan).setExpectedCutoffMonth(dryRun.getCutoffMonth()).build());

        assertFalse(applied.getDryRun());
        assertEquals(dryRun.getMonthsList(), applied.getMonthsList(), "removed what the dry run showed");
        Map<String, Map<String, String>> after = snapshot();
        for (String table : TABLES.keySet()) {
            Map<String, String> expected = new TreeMap<>(before.get(table));
            expected.keySet().removeIf(month -> YearMonth.parse(month).isBefore(CUTOFF));
            assertEquals(expected, after.get(table), table + ": the old months' rows are gone, the others' identical");
        }
        List<String> expectedPartitions = new ArrayList<>(partitionsBefore);
        expectedPartitions.removeIf(name -> YearMonth.parse(name.replaceAll(".*_p(\\d{4})_(\\d{2})$", "$1-$2"))
                .isBefore(CUTOFF));
        assertEquals(expectedPartitions, partitionNames(), "the old months' partitions are dropped");
        assertTrue(partitionNames().contains("mention_p2024_06"));
        assertFalse(partitionNames().contains("mention_p2024_05"));

        assertRollupsDescribeTheStoredArticles();
        StoredArticle newRoot = Articles.stored(firstKept);
        assertEquals(firstKept, newRoot.storyId);
        assertNull(newRoot.duplicateOf);
        assertEquals(firstKept, Articles.stored(secondKept).storyId);
        assertEquals(firstKept, Articles.stored(secondKept).duplicateOf);
        assertEquals(0L, number("SELECT count(*) FROM article a WHERE NOT EXISTS"
                + " (SELECT FROM article r WHERE r.id = a.story_id AND r.story_id = r.id)"), "every story has its root");
        assertNull(Articles.stored(german));
        // The re-analysis counts only its remaining articles, and stays finished.
        assertEquals(number("SELECT count(*) FROM reanalysis_item WHERE job_id = " + reanalysis),
                number("SELECT total_count FROM reanalysis_job WHERE id = " + reanalysis));
        assertEquals(number("SELECT count(*) FROM reanalysis_item WHERE state = 'DONE' AND job_id = " + reanalysis),
                number("SELECT done_count FROM reanalysis_job WHERE id = " + reanalysis));
        assertTrue(number("SELECT total_count FROM reanalysis_job WHERE id = " + reanalysis) >= 2);

        ApplyRetentionResponse again = retention.applyRetention(ApplyRetentionRequest.newBuilder()
                .setOlderThanMonths(olderThan).build());
        assertEquals(List.of(), again.getMonthsList(), "nothing left to remove");
        assertEquals(after, snapshot());
    }

    @Test
    void aMonthDroppedBehindAReplicasBackIsCreatedAgainWhenItsArticlesArrive() {
        // This replica remembers both months; another one's retention then drops them.
        YearMonth english = YearMonth.of(1990, 2);
        YearMonth german = YearMonth.of(1990, 3);
        partitions.ensureMonthsOf(List.of(instant(english), instant(german)));
        for (YearMonth month : List.of(english, german)) {
            assertEquals(4L, number("SELECT drop_month_partitions('" + month.atDay(1) + "')"));
        }
        assertEquals("null", text("SELECT CAST(to_regclass('mention_p1990_02') AS text)"));

        // Accepted as usual; its analysis finds no partition for its mentions and creates the month.
        long analyzed = ingestAt(talks(2), instant(english));
        awaitAnalyzed(analyzed);
        assertEquals("mention_p1990_02", text("SELECT DISTINCT tableoid::regclass::text FROM mention"
                + " WHERE article_id = " + analyzed));
        // Searchable at insert: intake itself finds no partition for the search row.
        long unsupported = ingest.ingestArticle(Articles.request(Articles.plainText(
                "Der Rat sagte am Montag, der Plan gehe voran. " + Articles.unique()).setLanguage("de")
                .setPublishedTime(Articles.timestamp(instant(german))))).getArticleId();
        assertEquals(ArticleStatus.UNSUPPORTED_LANGUAGE, status(unsupported));
        assertEquals("article_search_p1990_03", text("SELECT tableoid::regclass::text FROM article_search"
                + " WHERE article_id = " + unsupported));
    }

    @Test
    void theCurrentMonthAndTheOneBeforeAreNeverDropped() {
        YearMonth current = YearMonth.now(ZoneOffset.UTC);
        for (YearMonth month : List.of(current.plusMonths(1), current, current.minusMonths(1))) {
            RuntimeException refused = assertThrows(RuntimeException.class,
                    () -> number("SELECT drop_month_partitions('" + month.atDay(1) + "')"));
            assertTrue(messages(refused).contains("month " + month + " is too recent to drop"), () -> messages(refused));
        }
        ApplyRetentionResponse shortest = retention.applyRetention(ApplyRetentionRequest.newBuilder()
                .setOlderThanMonths(1).setDryRun(true).build());
        assertEquals(current.minusMonths(1).toString(), shortest.getCutoffMonth());
        assertTrue(shortest.getMonthsList().stream()
                .allMatch(month -> YearMonth.parse(month.getMonth()).isBefore(current.minusMonths(1))));
    }

    /** The rollups the query service answers from equal what the stored articles add up to. */
    private static void assertRollupsDescribeTheStoredArticles() {
        assertEquals(0L, number("""
                SELECT count(*) FROM entity e
                LEFT JOIN (SELECT entity_id, sum(mention_count) AS mentions, count(*) AS articles
                           FROM entity_article GROUP BY entity_id) t ON t.entity_id = e.id
                LEFT JOIN (SELECT q.speaker_entity_id, count(*) AS quotes FROM quote q
                           JOIN entity_article ea ON ea.article_id = q.article_id AND ea.entity_id = q.speaker_entity_id
                           GROUP BY q.speaker_entity_id) s ON s.speaker_entity_id = e.id
                WHERE e.mention_count <> coalesce(t.mentions, 0) OR e.article_count <> coalesce(t.articles, 0)
                   OR e.quote_count <> coalesce(s.quotes, 0)
                """), "entity counts");
        assertEquals(0L, number("""
                SELECT count(*) FROM entity_pair p
                FULL JOIN (SELECT x.entity_id, y.entity_id AS other_id, count(*) AS articles
                           FROM entity_article x
                           JOIN entity_article y ON y.article_id = x.article_id AND y.entity_id <> x.entity_id
                           GROUP BY x.entity_id, y.entity_id) t ON t.entity_id = p.entity_id AND t.other_id = p.other_id
                WHERE p.article_count IS DISTINCT FROM t.articles
                """), "co-mention pairs");
        assertEquals(0L, number("""
                SELECT count(*) FROM entity_day d
                FULL JOIN (SELECT entity_id, CAST(published_at AT TIME ZONE 'UTC' AS date) AS day,
                                  sum(mention_count) AS mentions, count(*) AS articles, count(tone) AS tones
                           FROM entity_article GROUP BY 1, 2) t ON t.entity_id = d.entity_id AND t.day = d.day
                WHERE d.mention_count IS DISTINCT FROM t.mentions OR d.article_count IS DISTINCT FROM t.articles
                   OR d.tone_count IS DISTINCT FROM t.tones
                """), "entity days");
        assertEquals(0L, number("""
                SELECT count(*) FROM article_day d
                FULL JOIN (SELECT CAST(published_at AT TIME ZONE 'UTC' AS date) AS day, count(*) AS articles
                           FROM article_search GROUP BY 1) t ON t.day = d.day
                WHERE d.article_count IS DISTINCT FROM t.articles
                """), "searchable articles per day");
    }

    /** Per table, per month (YYYY-MM): the row count and a checksum of the rows. */
    private static Map<String, Map<String, String>> snapshot() {
        Map<String, Map<String, String>> snapshot = new TreeMap<>();
        for (Map.Entry<String, String[]> table : TABLES.entrySet()) {
            String[] parts = table.getValue();
            String month = parts[1].endsWith("day") ? "to_char(" + parts[1] + ", 'YYYY-MM')"
                    : "to_char(" + parts[1] + " AT TIME ZONE 'UTC', 'YYYY-MM')";
            List<?> rows = QuarkusTransaction.requiringNew().call(() -> StoredArticle.getEntityManager()
                    .createNativeQuery("SELECT " + month + ", count(*) || ' ' || md5(string_agg(" + parts[2]
                            + ", ',' ORDER BY " + parts[2] + ")) FROM " + parts[0] + " GROUP BY 1")
                    .getResultList());
            Map<String, String> months = new TreeMap<>();
            for (Object row : rows) {
                Object[] columns = (Object[]) row;
                months.put((String) columns[0], (String) columns[1]);
            }
            snapshot.put(table.getKey(), months);
        }
        return snapshot;
    }

    private static long count(Map<String, Map<String, String>> snapshot, String table, String month) {
        String rows = snapshot.get(table).get(month);
        return rows == null ? 0 : Long.parseLong(rows.substring(0, rows.indexOf(' ')));
    }

    private static List<String> partitionNames() {
        return QuarkusTransaction.requiringNew().call(() -> StoredArticle.getEntityManager().createNativeQuery("""
                        SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                        WHERE i.inhparent IN ('mention'::regclass, 'quote'::regclass, 'article_search'::regclass,
                                              'entity_day'::regclass)
                        ORDER BY 1""").getResultList().stream().map(String::valueOf).toList());
    }

    private void assertRefused(Status.Code code, String messageStart, ApplyRetentionRequest.Builder request) {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                () -> retention.applyRetention(request.build()));
        assertEquals(code, refused.getStatus().getCode(), refused::toString);
        assertTrue(String.valueOf(refused.getStatus().getDescription()).startsWith(messageStart), refused::toString);
    }

    /** A report with names, a quote and a place, different each month so the pairs differ. */
    private static String talks(int variant) {
        String second = variant % 2 == 0 ? "Shah Mahmood Qureshi met him in Islamabad." : "Maria Zakharova spoke in Russia.";
        return "\u201CThe talks went well,\u201D Sergey Lavrov said in Moscow. " + second + " " + Articles.unique();
    }

    private static List<String> edited(List<String> report, int sentence) {
        List<String> copy = new ArrayList<>(report);
        copy.set(sentence, "A spokesman declined to comment on the figures when asked by reporters on Tuesday.");
        return copy;
    }

    private long ingestAt(String text, Instant published) {
        return ingest.ingestArticle(Articles.request(Articles.plainText(text)
                .setPublishedTime(Articles.timestamp(published)))).getArticleId();
    }

    private void awaitAnalyzed(long id) {
        Articles.await("article " + id + " to leave the analysis queue", () -> status(id) != ArticleStatus.ACCEPTED);
    }

    private ArticleStatus status(long id) {
        return ingest.getIngestStatus(GetIngestStatusRequest.newBuilder().setArticleId(id).build()).getStatus();
    }

    /** Starts a re-analysis of the range and waits for it to finish; its id. */
    private long reanalyze(String start, String end) {
        long id = ingest.startReanalysis(StartReanalysisRequest.newBuilder()
                .setStartTime(Articles.timestamp(Instant.parse(start)))
                .setEndTime(Articles.timestamp(Instant.parse(end))).build()).getReanalysis().getReanalysisId();
        Articles.await("re-analysis " + id + " to finish", () -> ingest.getReanalysis(
                GetReanalysisRequest.newBuilder().setReanalysisId(id).build()).getReanalysis().hasFinishTime());
        return id;
    }

    private static String messages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }

    private static Instant instant(YearMonth month) {
        return month.atDay(15).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static int monthsBetween(YearMonth from, YearMonth to) {
        return (to.getYear() - from.getYear()) * 12 + to.getMonthValue() - from.getMonthValue();
    }

    private static long number(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) StoredArticle.getEntityManager()
                .createNativeQuery(sql).getSingleResult()).longValue());
    }

    private static String text(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(StoredArticle.getEntityManager()
                .createNativeQuery(sql).getSingleResult()));
    }
}
