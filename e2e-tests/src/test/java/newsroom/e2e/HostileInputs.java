package newsroom.e2e;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import newsroom.cli.run.Service;
import newsroom.e2e.HostileInput.Answer;
import newsroom.ingest.v1.Article;
import newsroom.ingest.v1.GetIngestStatusRequest;
import newsroom.ingest.v1.GetReanalysisRequest;
import newsroom.ingest.v1.IngestArticleRequest;
import newsroom.ingest.v1.IngestArticlesRequest;
import newsroom.ingest.v1.IngestArticlesResponse;
import newsroom.ingest.v1.IngestServiceGrpc;
import newsroom.ingest.v1.StartReanalysisRequest;
import newsroom.nlp.v1.AnalyzeDocumentRequest;
import newsroom.nlp.v1.Document;
import newsroom.nlp.v1.NlpServiceGrpc;
import newsroom.query.v1.ExportAnalysesRequest;
import newsroom.query.v1.GetArticleRequest;
import newsroom.query.v1.GetCoMentionsRequest;
import newsroom.query.v1.GetEntityRequest;
import newsroom.query.v1.GetEntityTimelineRequest;
import newsroom.query.v1.GetStoryRequest;
import newsroom.query.v1.ListEventsRequest;
import newsroom.query.v1.ListQuotesRequest;
import newsroom.query.v1.ListStoriesRequest;
import newsroom.query.v1.QueryServiceGrpc;
import newsroom.query.v1.SearchArticlesRequest;
import newsroom.query.v1.SearchEntitiesRequest;
import newsroom.query.v1.TimelineGranularity;

/**
 * The hostile inputs of {@link HostileInputsIT}, built here rather than listed: every string
 * field of the public gRPC surface with bytes that are not UTF-8, with 10 MB, with NUL and
 * control characters; pathological HTML; impossible times, unknown enum values, ids and page
 * sizes out of range, forged page tokens; and zip bombs, as gRPC messages compressed with gzip
 * and as HTTP bodies with {@code Content-Encoding: gzip}.
 */
final class HostileInputs {

    private static final Set<String> INVALID = Set.of("INVALID_ARGUMENT");
    private static final Set<String> NOT_FOUND = Set.of("NOT_FOUND");
    private static final Set<String> TOO_LARGE = Set.of("RESOURCE_EXHAUSTED");
    /** A compressed request the server will not inflate (gRPC's answer to an encoding it does not take). */
    private static final Set<String> NOT_INFLATED = Set.of("UNIMPLEMENTED", "RESOURCE_EXHAUSTED");
    /** For nlp-service, which stores nothing: an analysis is as clear an answer as a refusal, if it comes in time. */
    private static final Set<String> ANALYSED_OR_INVALID = Set.of("OK", "INVALID_ARGUMENT");

    private static final int MB = 1_000_000;
    /** Inflated size of the zip bombs: beyond every service's heap but nlp-service's. */
    private static final long BOMB_BYTES = 1L << 30;
    /** nlp-service has a 3 GB heap: its bomb holds a 1.5 GiB field, which parsing copies at least twice. */
    private static final long NLP_BOMB_BYTES = 3L << 29;

    /** Byte sequences that are not UTF-8, each with what is wrong with it. */
    private static final List<Map.Entry<String, byte[]>> NOT_UTF8 = List.of(
            Map.entry("a lone continuation byte", new byte[] {'a', (byte) 0x80, 'b'}),
            Map.entry("an overlong '/'", new byte[] {(byte) 0xC0, (byte) 0xAF}),
            Map.entry("a UTF-16 surrogate", new byte[] {'x', (byte) 0xED, (byte) 0xA0, (byte) 0x80}),
            Map.entry("a truncated sequence", new byte[] {'a', (byte) 0xE2, (byte) 0x82}),
            Map.entry("bytes FF FE", new byte[] {(byte) 0xFF, (byte) 0xFE, 'a'}));

    private static final String TEXT = "The minister said the talks went well.";

    /**
     * @param ingest          a channel to ingest-service with a key of every role
     * @param query           the same to query-service
     * @param nlp             the same to nlp-service
     * @param compressing     per service, a channel whose "gzip" sends messages the test compressed itself
     * @param compressingAnonymous such a channel to ingest-service that sends no key at all
     * @param httpPorts       each service's port, for plain HTTP requests
     */
    record Targets(Channel ingest, Channel query, Channel nlp, Map<Service, Channel> compressing,
                   Channel compressingAnonymous, Map<Service, Integer> httpPorts) {
    }

    private final Targets targets;
    private final List<HostileInput> inputs = new ArrayList<>();

    private HostileInputs(Targets targets) {
        this.targets = targets;
    }

    static List<HostileInput> against(Targets targets) {
        HostileInputs all = new HostileInputs(targets);
        all.malformedUtf8();
        all.tenMegabyteStrings();
        all.nulAndControlCharacters();
        all.pathologicalHtml();
        all.impossibleTimes();
        all.unknownEnumValues();
        all.idsOutOfRange();
        all.pageSizesAndTokens();
        all.emptyAndMalformedArticles();
        all.zipBombs();
        all.httpBodies();
        return List.copyOf(all.inputs);
    }

    // --- Malformed UTF-8: raw bytes in every string field, which generated stubs cannot send ---

    /** A string field of some request, and how to build that request around the field's raw bytes. */
    private record StringField(String name, Channel channel, MethodDescriptor<?, ?> method,
                               Function<byte[], byte[]> request) {
    }

    private void malformedUtf8() {
        List<StringField> fields = List.of(
                ingestArticleField("article.url", 1),
                ingestArticleField("article.source", 2),
                ingestArticleField("article.title", 3),
                ingestArticleField("article.language", 7),
                new StringField("client_reference (IngestArticles)", targets.ingest(),
                        IngestServiceGrpc.getIngestArticlesMethod(),
                        bad -> new WireMessage().message(1, plainArticle()).bytes(2, bad).toByteArray()),
                new StringField("article.title (IngestArticles)", targets.ingest(),
                        IngestServiceGrpc.getIngestArticlesMethod(),
                        bad -> new WireMessage().message(1, plainArticle().bytes(3, bad)).text(2, "r1").toByteArray()),
                queryField("query (SearchArticles)", QueryServiceGrpc.getSearchArticlesMethod(), 1, new WireMessage()),
                queryField("page_token (SearchArticles)", QueryServiceGrpc.getSearchArticlesMethod(), 3,
                        new WireMessage().text(1, "minister")),
                queryField("source (SearchArticles)", QueryServiceGrpc.getSearchArticlesMethod(), 5,
                        new WireMessage().text(1, "minister")),
                queryField("language (SearchArticles)", QueryServiceGrpc.getSearchArticlesMethod(), 6,
                        new WireMessage().text(1, "minister")),
                queryField("query (SearchEntities)", QueryServiceGrpc.getSearchEntitiesMethod(), 1, new WireMessage()),
                queryField("page_token (SearchEntities)", QueryServiceGrpc.getSearchEntitiesMethod(), 4,
                        new WireMessage().text(1, "Lavrov")),
                queryField("speaker_name (ListQuotes)", QueryServiceGrpc.getListQuotesMethod(), 2, new WireMessage()),
                queryField("text_query (ListQuotes)", QueryServiceGrpc.getListQuotesMethod(), 3, new WireMessage()),
                queryField("page_token (ListQuotes)", QueryServiceGrpc.getListQuotesMethod(), 5, new WireMessage()),
                queryField("page_token (ListEvents)", QueryServiceGrpc.getListEventsMethod(), 6,
                        new WireMessage().varint(1, 1)),
                queryField("page_token (GetCoMentions)", QueryServiceGrpc.getGetCoMentionsMethod(), 3,
                        new WireMessage().varint(1, 1)),
                queryField("page_token (GetEntityTimeline)", QueryServiceGrpc.getGetEntityTimelineMethod(), 6,
                        new WireMessage().varint(1, 1)),
                queryField("page_token (ListStories)", QueryServiceGrpc.getListStoriesMethod(), 5, new WireMessage()),
                new StringField("source (ExportAnalyses)", targets.query(), QueryServiceGrpc.getExportAnalysesMethod(),
                        bad -> new WireMessage().bytes(2, bad).toByteArray()),
                new StringField("document.content (AnalyzeDocument)", targets.nlp(),
                        NlpServiceGrpc.getAnalyzeDocumentMethod(),
                        bad -> new WireMessage().message(1, new WireMessage().varint(1, 1).bytes(2, bad)).toByteArray()),
                new StringField("document.language (AnalyzeDocument)", targets.nlp(),
                        NlpServiceGrpc.getAnalyzeDocumentMethod(),
                        bad -> new WireMessage().message(1,
                                new WireMessage().varint(1, 1).text(2, TEXT).bytes(3, bad)).toByteArray()));
        int next = 0;
        for (StringField field : fields) {
            // One of the five sequences per field, taking turns, so that every sequence meets several RPCs.
            Map.Entry<String, byte[]> sequence = NOT_UTF8.get(next++ % NOT_UTF8.size());
            byte[] request = field.request().apply(sequence.getValue());
            if (field.method().getType() == MethodDescriptor.MethodType.CLIENT_STREAMING) {
                // Known residual (docs/security.md, "Residual risks"): in a client stream the Vert.x
                // gRPC bridge drops a message it cannot parse and never hands the service the
                // stream's end, so no status comes back and the client's own deadline ends the call.
                // What still holds, and is checked for every case: nothing stored, every service ready.
                add(field.name() + " holding " + sequence.getKey() + " (not UTF-8)", () -> rawCall(field, request),
                        Set.of("DEADLINE_EXCEEDED"), "");
                continue;
            }
            add(field.name() + " holding " + sequence.getKey() + " (not UTF-8)", () -> rawCall(field, request),
                    INVALID, "UTF-8");
        }
    }

    private StringField ingestArticleField(String name, int field) {
        return new StringField(name + " (IngestArticle)", targets.ingest(), IngestServiceGrpc.getIngestArticleMethod(),
                bad -> new WireMessage().message(1, plainArticle().bytes(field, bad)).toByteArray());
    }

    private StringField queryField(String name, MethodDescriptor<?, ?> method, int field, WireMessage rest) {
        byte[] others = rest.toByteArray();
        return new StringField(name, targets.query(), method, bad -> {
            byte[] tail = new WireMessage().bytes(field, bad).toByteArray();
            byte[] request = new byte[others.length + tail.length];
            System.arraycopy(others, 0, request, 0, others.length);
            System.arraycopy(tail, 0, request, others.length, tail.length);
            return request;
        });
    }

    /** An article that would be accepted: plain text with some words. */
    private static WireMessage plainArticle() {
        return new WireMessage().text(5, TEXT).varint(6, Article.ContentType.PLAIN_TEXT_VALUE);
    }

    /**
     * A message of a few bytes is answered in milliseconds: a short deadline, since the Vert.x gRPC
     * server drops a message it cannot parse without ever answering the call, and each such case
     * would otherwise wait out the full deadline.
     */
    private static CallOptions shortDeadline() {
        return CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static Answer rawCall(StringField field, byte[] request) throws Exception {
        MethodDescriptor<?, ?> method = field.method();
        return switch (method.getType()) {
            case UNARY -> grpc(() -> RawCalls.unary(field.channel(), method, request, shortDeadline()));
            case CLIENT_STREAMING -> grpc(() -> RawCalls.clientStream(field.channel(), method, List.of(request),
                    shortDeadline()));
            case SERVER_STREAMING -> grpc(() -> RawCalls.serverStream(field.channel(), method, request));
            default -> throw new IllegalArgumentException(method.getFullMethodName());
        };
    }

    // --- 10 MB strings ---

    private void tenMegabyteStrings() {
        String tenMb = "a".repeat(10 * MB);
        add("article.url of 10 MB", () -> ingest(article().setUrl("https://example.com/" + tenMb)),
                INVALID, "article.url");
        add("article.source of 10 MB", () -> ingest(article().setSource(tenMb)), INVALID, "article.source");
        add("article.title of 10 MB", () -> ingest(article().setTitle(tenMb)), INVALID, "article.title");
        add("article.language of 10 MB", () -> ingest(article().setLanguage(tenMb)), INVALID, "article.language");
        add("article.content of 10 MB", () -> ingest(article().setContent(ByteString.copyFromUtf8(tenMb))),
                INVALID, "article.content");
        add("article.content of 17 MB, beyond the largest message", () -> ingest(article()
                .setContent(ByteString.copyFrom(new byte[17 * MB]))), TOO_LARGE, "");
        add("client_reference of 10 MB (IngestArticles)", () -> ingestStream(IngestArticlesRequest.newBuilder()
                .setArticle(article()).setClientReference(tenMb).build()), Set.of("REJECTED"), "client_reference");
        add("query of 10 MB (SearchArticles)", () -> grpc(() -> query().searchArticles(
                SearchArticlesRequest.newBuilder().setQuery(tenMb).build())), TOO_LARGE, "");
        add("page_token of 10 MB (ListStories)", () -> grpc(() -> query().listStories(
                ListStoriesRequest.newBuilder().setPageToken(tenMb).build())), TOO_LARGE, "");
        add("document.content of 10 MB (AnalyzeDocument)", () -> analyze(document().setContent(tenMb)),
                TOO_LARGE, "");
        add("document.content of 3 MB (AnalyzeDocument)", () -> analyze(document().setContent("a ".repeat(3 * MB / 2))),
                INVALID, "document.content");
        // Under query-service's message limit, over each field's own.
        String sixtyKb = "minister ".repeat(6_600);
        add("query of 60 KB (SearchArticles)", () -> grpc(() -> query().searchArticles(
                SearchArticlesRequest.newBuilder().setQuery(sixtyKb).build())), INVALID, "query");
        add("query of 60 KB (SearchEntities)", () -> grpc(() -> query().searchEntities(
                SearchEntitiesRequest.newBuilder().setQuery(sixtyKb).build())), INVALID, "query");
        add("source of 60 KB (SearchArticles)", () -> grpc(() -> query().searchArticles(
                SearchArticlesRequest.newBuilder().setQuery("minister").setSource(sixtyKb).build())), INVALID, "source");
        add("language of 60 KB (SearchArticles)", () -> grpc(() -> query().searchArticles(
                SearchArticlesRequest.newBuilder().setQuery("minister").setLanguage(sixtyKb).build())),
                INVALID, "language");
        add("speaker_name of 60 KB (ListQuotes)", () -> grpc(() -> query().listQuotes(
                ListQuotesRequest.newBuilder().setSpeakerName(sixtyKb).build())), INVALID, "speaker_name");
        add("text_query of 60 KB (ListQuotes)", () -> grpc(() -> query().listQuotes(
                ListQuotesRequest.newBuilder().setTextQuery(sixtyKb).build())), INVALID, "text_query");
        add("source of 60 KB (ExportAnalyses)", () -> grpc(() -> query().exportAnalyses(
                ExportAnalysesRequest.newBuilder().setSource(sixtyKb).build()).forEachRemaining(analysis -> { })),
                INVALID, "source");
    }

    // --- NUL (which PostgreSQL's text cannot hold) and other control characters ---

    private void nulAndControlCharacters() {
        add("article.url with NUL", () -> ingest(article().setUrl("https://example.com/\0")), INVALID, "article.url");
        add("article.source with NUL", () -> ingest(article().setSource("Dawn\0")), INVALID, "article.source");
        add("article.title with NUL", () -> ingest(article().setTitle("Talks\0")), INVALID, "article.title");
        add("article.language with NUL", () -> ingest(article().setLanguage("en\0")), INVALID, "article.language");
        add("article.content with NUL", () -> ingest(article().setContent(ByteString.copyFromUtf8(TEXT + "\0"))),
                INVALID, "article.content");
        add("client_reference with NUL (IngestArticles)", () -> ingestStream(IngestArticlesRequest.newBuilder()
                .setArticle(article()).setClientReference("ref\0").build()), Set.of("REJECTED"), "client_reference");
        add("article.title with NUL (IngestArticles)", () -> ingestStream(IngestArticlesRequest.newBuilder()
                .setArticle(article().setTitle("\0")).setClientReference("r1").build()), Set.of("REJECTED"),
                "article.title");
        add("article.title with a terminal escape (ESC [2J)", () -> ingest(article().setTitle("Talks \u001b[2J")),
                INVALID, "article.title");
        add("article.title with BEL", () -> ingest(article().setTitle("Talks\u0007")), INVALID, "article.title");
        add("article.source with DEL and backspaces", () -> ingest(article().setSource("Dawn\u007f\b\b")),
                INVALID, "article.source");
        add("article.url with CR LF (header injection)", () -> ingest(article()
                .setUrl("https://example.com/a\r\nSet-Cookie: x=y")), INVALID, "article.url");
        add("article.language with a tab", () -> ingest(article().setLanguage("en\t")), INVALID, "article.language");
        add("article.content of nothing but control characters", () -> ingest(article()
                .setContent(ByteString.copyFromUtf8("\u0001\u0002\u0003\u0007\u001b\u007f".repeat(100)))),
                INVALID, "article.content");
        add("query with NUL (SearchArticles)", () -> grpc(() -> query().searchArticles(
                SearchArticlesRequest.newBuilder().setQuery("minister\0").build())), INVALID, "query");
        add("source with NUL (SearchArticles)", () -> grpc(() -> query().searchArticles(
                SearchArticlesRequest.newBuilder().setQuery("minister").setSource("\0").build())), INVALID, "source");
        add("language with NUL (SearchArticles)", () -> grpc(() -> query().searchArticles(
                SearchArticlesRequest.newBuilder().setQuery("minister").setLanguage("e\0n").build())),
                INVALID, "language");
        add("query with NUL (SearchEntities)", () -> grpc(() -> query().searchEntities(
                SearchEntitiesRequest.newBuilder().setQuery("\0").build())), INVALID, "query");
        add("speaker_name with NUL (ListQuotes)", () -> grpc(() -> query().listQuotes(
                ListQuotesRequest.newBuilder().setSpeakerName("Lav\0rov").build())), INVALID, "speaker_name");
        add("text_query with NUL (ListQuotes)", () -> grpc(() -> query().listQuotes(
                ListQuotesRequest.newBuilder().setTextQuery("\0").build())), INVALID, "text_query");
        add("page_token with NUL (ListStories)", () -> grpc(() -> query().listStories(
                ListStoriesRequest.newBuilder().setPageToken("\0").build())), INVALID, "page_token");
        add("source with NUL (ExportAnalyses)", () -> grpc(() -> query().exportAnalyses(
                ExportAnalysesRequest.newBuilder().setSource("\0").build()).forEachRemaining(analysis -> { })),
                INVALID, "source");
        add("document.content of NULs and control characters (AnalyzeDocument)",
                () -> analyze(document().setContent("\0\u0001\u0007\u001b[2J".repeat(1000))), ANALYSED_OR_INVALID, "");
    }

    // --- HTML built to make a parser recurse, backtrack or hold everything at once ---

    private void pathologicalHtml() {
        List<Map.Entry<String, String>> pages = List.of(
                Map.entry("100,000 nested elements around a sentence",
                        "<b>".repeat(100_000) + TEXT + "</b>".repeat(100_000)),
                Map.entry("100,000 unclosed nested divs", "<div>".repeat(100_000) + TEXT),
                Map.entry("100,000 empty sibling elements", "<i></i>".repeat(100_000)),
                Map.entry("100,000 line breaks", "<br>".repeat(100_000)),
                Map.entry("an attribute value of 900 KB", "<div title=\"" + "a".repeat(900_000) + "\"></div>"),
                Map.entry("an attribute value of 900 KB never closed", "<div title=\"" + "a".repeat(900_000)),
                Map.entry("200,000 attributes on one element", "<div " + "a=b ".repeat(200_000) + "></div>"),
                Map.entry("a comment of 900 KB never closed", "<!--" + "-".repeat(900_000)));
        for (Map.Entry<String, String> page : pages) {
            add("HTML article.content: " + page.getKey(), () -> ingest(article()
                    .setContentType(Article.ContentType.HTML)
                    .setContent(ByteString.copyFromUtf8(page.getValue()))), INVALID, "article.content");
            add("HTML document.content: " + page.getKey() + " (AnalyzeDocument)", () -> analyze(document()
                    .setType(Document.Type.HTML)
                    .setContent(page.getValue())), ANALYSED_OR_INVALID, "");
        }
    }

    // --- Times google.protobuf.Timestamp cannot hold: nanos out of range, years 0 and 10000 ---

    private void impossibleTimes() {
        long now = Instant.now().getEpochSecond();
        Map<String, Timestamp> times = new LinkedHashMap<>();
        times.put("nanos -1", Timestamp.newBuilder().setSeconds(now).setNanos(-1).build());
        times.put("nanos 1,000,000,000", Timestamp.newBuilder().setSeconds(now).setNanos(1_000_000_000).build());
        times.put("year 0", Timestamp.newBuilder().setSeconds(-62_135_596_801L).build());
        times.put("year 10000", Timestamp.newBuilder().setSeconds(253_402_300_800L).build());
        times.put("the least long of seconds", Timestamp.newBuilder().setSeconds(Long.MIN_VALUE).build());
        times.put("the greatest long of seconds", Timestamp.newBuilder().setSeconds(Long.MAX_VALUE).build());
        for (Map.Entry<String, Timestamp> time : times.entrySet()) {
            add("article.published_time " + time.getKey(), () -> ingest(article().setPublishedTime(time.getValue())),
                    INVALID, "article.published_time");
        }
        add("article.published_time in the year 3000", () -> ingest(article().setPublishedTime(
                Timestamp.newBuilder().setSeconds(Instant.parse("3000-01-01T00:00:00Z").getEpochSecond()))),
                INVALID, "article.published_time");
        Timestamp nanos = times.get("nanos -1");
        Timestamp year10000 = times.get("year 10000");
        Timestamp greatest = times.get("the greatest long of seconds");
        Timestamp least = times.get("the least long of seconds");
        add("start_time nanos -1 (StartReanalysis)", () -> grpc(() -> ingestStub().startReanalysis(
                StartReanalysisRequest.newBuilder().setStartTime(nanos).build())), INVALID, "start_time");
        add("end_time year 10000 (StartReanalysis)", () -> grpc(() -> ingestStub().startReanalysis(
                StartReanalysisRequest.newBuilder().setEndTime(year10000).build())), INVALID, "end_time");
        add("start_time the least long (StartReanalysis)", () -> grpc(() -> ingestStub().startReanalysis(
                StartReanalysisRequest.newBuilder().setStartTime(least).build())), INVALID, "start_time");
        add("end_time before start_time (StartReanalysis)", () -> grpc(() -> ingestStub().startReanalysis(
                StartReanalysisRequest.newBuilder().setStartTime(timestamp("2021-04-08T00:00:00Z"))
                        .setEndTime(timestamp("2021-04-07T00:00:00Z")).build())), INVALID, "end_time");
        add("start_time nanos -1 (SearchArticles)", () -> grpc(() -> query().searchArticles(
                SearchArticlesRequest.newBuilder().setQuery("minister").setStartTime(nanos).build())),
                INVALID, "start_time");
        add("end_time the greatest long (SearchArticles)", () -> grpc(() -> query().searchArticles(
                SearchArticlesRequest.newBuilder().setQuery("minister").setEndTime(greatest).build())),
                INVALID, "end_time");
        add("start_time year 10000 (ListQuotes)", () -> grpc(() -> query().listQuotes(
                ListQuotesRequest.newBuilder().setStartTime(year10000).build())), INVALID, "start_time");
        add("end_time the least long (ListQuotes)", () -> grpc(() -> query().listQuotes(
                ListQuotesRequest.newBuilder().setEndTime(least).build())), INVALID, "end_time");
        add("start_time the greatest long (ListEvents)", () -> grpc(() -> query().listEvents(
                ListEventsRequest.newBuilder().setEntityId(1).setStartTime(greatest).build())), INVALID, "start_time");
        add("end_time nanos -1 (GetEntityTimeline)", () -> grpc(() -> query().getEntityTimeline(
                GetEntityTimelineRequest.newBuilder().setEntityId(1).setEndTime(nanos).build())), INVALID, "end_time");
        add("start_time year 10000 (ListStories)", () -> grpc(() -> query().listStories(
                ListStoriesRequest.newBuilder().setStartTime(year10000).build())), INVALID, "start_time");
        add("end_time before start_time (ListStories)", () -> grpc(() -> query().listStories(
                ListStoriesRequest.newBuilder().setStartTime(timestamp("2021-04-08T00:00:00Z"))
                        .setEndTime(timestamp("2021-04-07T00:00:00Z")).build())), INVALID, "end_time");
        add("start_time the least long (ExportAnalyses)", () -> grpc(() -> query().exportAnalyses(
                ExportAnalysesRequest.newBuilder().setStartTime(least).build()).forEachRemaining(analysis -> { })),
                INVALID, "start_time");
        add("publication_time nanos 1,000,000,000 (AnalyzeDocument)", () -> analyze(
                AnalyzeDocumentRequest.newBuilder().setDocument(document())
                        .setPublicationTime(times.get("nanos 1,000,000,000"))), INVALID, "publication_time");
        add("publication_time year 0 (AnalyzeDocument)", () -> analyze(
                AnalyzeDocumentRequest.newBuilder().setDocument(document())
                        .setPublicationTime(times.get("year 0"))), INVALID, "publication_time");
    }

    // --- Enum values no version of the contract has ---

    private void unknownEnumValues() {
        add("article.content_type 99", () -> ingest(article().setContentTypeValue(99)), INVALID, "article.content_type");
        add("article.content_type -1", () -> ingest(article().setContentTypeValue(-1)), INVALID, "article.content_type");
        add("type 99 (SearchEntities)", () -> grpc(() -> query().searchEntities(
                SearchEntitiesRequest.newBuilder().setQuery("Lavrov").setTypeValue(99).build())), INVALID, "type");
        add("form 99 (ListQuotes)", () -> grpc(() -> query().listQuotes(
                ListQuotesRequest.newBuilder().setFormValue(99).build())), INVALID, "form");
        add("form -7 (ListQuotes)", () -> grpc(() -> query().listQuotes(
                ListQuotesRequest.newBuilder().setFormValue(-7).build())), INVALID, "form");
        add("type 99 (ListEvents)", () -> grpc(() -> query().listEvents(
                ListEventsRequest.newBuilder().setEntityId(1).setTypeValue(99).build())), INVALID, "type");
        add("granularity 99 (GetEntityTimeline)", () -> grpc(() -> query().getEntityTimeline(
                GetEntityTimelineRequest.newBuilder().setEntityId(1).setGranularityValue(99).build())),
                INVALID, "granularity");
        add("document.type 99 (AnalyzeDocument)", () -> analyze(document().setTypeValue(99)), INVALID, "document.type");
    }

    // --- Ids: empty (0), negative, and far beyond any stored ---

    /**
     * One RPC that looks something up by an id: the ids it must refuse as out of range, and
     * whether the greatest long, beyond any stored, must be NOT_FOUND.
     */
    private record IdLookup(String field, String rpc, IdCall call, long[] outOfRange, boolean unknownBeyond) {
    }

    @FunctionalInterface
    private interface IdCall {
        void call(long id) throws Exception;
    }

    private void idsOutOfRange() {
        List<IdLookup> lookups = List.of(
                new IdLookup("article_id", "GetIngestStatus", id -> ingestStub().getIngestStatus(
                        GetIngestStatusRequest.newBuilder().setArticleId(id).build()),
                        new long[] {0, -1, Long.MIN_VALUE}, true),
                new IdLookup("article_id", "GetArticle", id -> query().getArticle(
                        GetArticleRequest.newBuilder().setArticleId(id).build()),
                        new long[] {0, -1, Long.MIN_VALUE}, true),
                new IdLookup("reanalysis_id", "GetReanalysis", id -> ingestStub().getReanalysis(
                        GetReanalysisRequest.newBuilder().setReanalysisId(id).build()), new long[] {0, -1}, true),
                new IdLookup("entity_id", "GetEntity", id -> query().getEntity(
                        GetEntityRequest.newBuilder().setEntityId(id).build()), new long[] {0, -1}, true),
                new IdLookup("story_id", "GetStory", id -> query().getStory(
                        GetStoryRequest.newBuilder().setStoryId(id).build()), new long[] {0}, true),
                new IdLookup("entity_id", "GetCoMentions", id -> query().getCoMentions(
                        GetCoMentionsRequest.newBuilder().setEntityId(id).build()), new long[] {-1}, false),
                new IdLookup("entity_id", "GetEntityTimeline", id -> query().getEntityTimeline(
                        GetEntityTimelineRequest.newBuilder().setEntityId(id).build()), new long[] {0}, false),
                new IdLookup("entity_id", "ListEvents", id -> query().listEvents(
                        ListEventsRequest.newBuilder().setEntityId(id).build()), new long[] {-1}, false),
                new IdLookup("entity_id", "SearchArticles", id -> query().searchArticles(
                        SearchArticlesRequest.newBuilder().setQuery("minister").setEntityId(id).build()),
                        new long[] {-1}, false),
                new IdLookup("near_entity_id", "ListQuotes", id -> query().listQuotes(
                        ListQuotesRequest.newBuilder().setNearEntityId(id).build()), new long[] {-1}, false),
                new IdLookup("entity_id", "ExportAnalyses", id -> query().exportAnalyses(
                        ExportAnalysesRequest.newBuilder().setEntityId(id).build()).forEachRemaining(analysis -> { }),
                        new long[] {-1}, false));
        for (IdLookup lookup : lookups) {
            for (long id : lookup.outOfRange()) {
                add(lookup.field() + " " + id + " (" + lookup.rpc() + ")", () -> grpc(() -> lookup.call().call(id)),
                        INVALID, lookup.field());
            }
            if (lookup.unknownBeyond()) {
                add(lookup.field() + " of the greatest long (" + lookup.rpc() + ")",
                        () -> grpc(() -> lookup.call().call(Long.MAX_VALUE)), NOT_FOUND, "");
            }
        }
    }

    // --- Page sizes out of range and page tokens this service never issued ---

    /** One list RPC, called with a page size and a page token. */
    private record ListCall(String name, PageCall call) {
    }

    @FunctionalInterface
    private interface PageCall {
        void call(QueryServiceGrpc.QueryServiceBlockingStub query, int pageSize, String pageToken);
    }

    private void pageSizesAndTokens() {
        List<ListCall> lists = List.of(
                new ListCall("SearchArticles", (q, size, token) -> q.searchArticles(SearchArticlesRequest.newBuilder()
                        .setQuery("minister").setPageSize(size).setPageToken(token).build())),
                new ListCall("SearchEntities", (q, size, token) -> q.searchEntities(SearchEntitiesRequest.newBuilder()
                        .setQuery("Lavrov").setPageSize(size).setPageToken(token).build())),
                new ListCall("ListQuotes", (q, size, token) -> q.listQuotes(ListQuotesRequest.newBuilder()
                        .setPageSize(size).setPageToken(token).build())),
                new ListCall("ListEvents", (q, size, token) -> q.listEvents(ListEventsRequest.newBuilder()
                        .setEntityId(1).setPageSize(size).setPageToken(token).build())),
                new ListCall("GetCoMentions", (q, size, token) -> q.getCoMentions(GetCoMentionsRequest.newBuilder()
                        .setEntityId(1).setPageSize(size).setPageToken(token).build())),
                new ListCall("GetEntityTimeline", (q, size, token) -> q.getEntityTimeline(
                        GetEntityTimelineRequest.newBuilder().setEntityId(1).setGranularity(TimelineGranularity.DAY)
                                .setPageSize(size).setPageToken(token).build())),
                new ListCall("ListStories", (q, size, token) -> q.listStories(ListStoriesRequest.newBuilder()
                        .setPageSize(size).setPageToken(token).build())));
        List<Map.Entry<String, String>> tokens = List.of(
                Map.entry("not base64", "!!not-a-token!!"),
                Map.entry("a negative offset", base64("v1:-5:00")),
                Map.entry("an offset beyond int", base64("v1:99999999999999999999:00")),
                Map.entry("the greatest int offset for another query", base64("v1:2147483647:" + "0".repeat(64))),
                Map.entry("an unknown version", base64("v9:0:00")),
                Map.entry("8 KB of noise", base64("v1:0:" + "f".repeat(8_000))),
                Map.entry("a signature-shaped suffix", base64("v1:40:ffff") + ".AAAAAAAAAAAAAAAAAAAA"));
        int next = 0;
        for (ListCall list : lists) {
            add("page_size -1 (" + list.name() + ")", () -> grpc(() -> list.call().call(query(), -1, "")),
                    INVALID, "page_size");
            add("page_size of the least int (" + list.name() + ")",
                    () -> grpc(() -> list.call().call(query(), Integer.MIN_VALUE, "")), INVALID, "page_size");
            for (int i = 0; i < 2; i++) {
                Map.Entry<String, String> token = tokens.get(next++ % tokens.size());
                add("page_token of " + token.getKey() + " (" + list.name() + ")",
                        () -> grpc(() -> list.call().call(query(), 10, token.getValue())), INVALID, "page_token");
            }
        }
        // A size beyond the maximum is lowered to it (AIP-158): an empty page, not an error.
        add("page_size of the greatest int (SearchArticles)",
                () -> grpc(() -> lists.get(0).call().call(query(), Integer.MAX_VALUE, "")), Set.of("OK"), "");
        add("page_size of the greatest int (ListStories)",
                () -> grpc(() -> lists.get(6).call().call(query(), Integer.MAX_VALUE, "")), Set.of("OK"), "");
    }

    // --- Articles that are empty, or point where no article lives ---

    private void emptyAndMalformedArticles() {
        add("no article at all", () -> grpc(() -> ingestStub().ingestArticle(IngestArticleRequest.getDefaultInstance())),
                INVALID, "article");
        add("article.content empty", () -> ingest(article().setContent(ByteString.EMPTY)), INVALID, "article.content");
        add("article.content only whitespace of every kind", () -> ingest(article().setContent(
                ByteString.copyFromUtf8(" \t\n\u00a0\u2003\u200b\u3000".repeat(10_000)))), INVALID, "article.content");
        add("article.url javascript:", () -> ingest(article().setUrl("javascript:alert(1)")), INVALID, "article.url");
        add("article.url file:", () -> ingest(article().setUrl("file:///etc/passwd")), INVALID, "article.url");
        add("article.language of one letter", () -> ingest(article().setLanguage("x")), INVALID, "article.language");
        add("article.language of 100,000 subtags", () -> ingest(article().setLanguage("en" + "-a".repeat(100_000))),
                INVALID, "article.language");
        add("a bulk stream of one article without content", () -> ingestStream(IngestArticlesRequest.newBuilder()
                .setArticle(article().setContent(ByteString.EMPTY)).setClientReference("r1").build()),
                Set.of("REJECTED"), "article.content");
        add("no document (AnalyzeDocument)", () -> analyze(AnalyzeDocumentRequest.newBuilder()), INVALID, "document");
        add("document.type unset (AnalyzeDocument)", () -> analyze(document().setType(Document.Type.TYPE_UNSPECIFIED)),
                INVALID, "document.type");
        add("document.content empty (AnalyzeDocument)", () -> analyze(document().setContent("")),
                INVALID, "document.content");
        add("document.language \"xx\" (AnalyzeDocument)", () -> analyze(document().setLanguage("xx")),
                INVALID, "document.language");
    }

    // --- Zip bombs: small gzip-compressed messages that inflate to a gigabyte or more ---

    private void zipBombs() {
        Channel ingest = targets.compressing().get(Service.INGEST);
        Channel query = targets.compressing().get(Service.QUERY);
        Channel nlp = targets.compressing().get(Service.NLP);
        CallOptions gzip = CallOptions.DEFAULT.withCompression("gzip");
        add("IngestArticle gzip bomb: article.content of 1 GiB of zeros", () -> grpc(() -> RawCalls.unary(ingest,
                IngestServiceGrpc.getIngestArticleMethod(), Bombs.INGEST_ARTICLE.bytes(), gzip)), NOT_INFLATED, "gzip");
        add("IngestArticle gzip bomb: 1 GiB of zeros", () -> grpc(() -> RawCalls.unary(ingest,
                IngestServiceGrpc.getIngestArticleMethod(), Bombs.ZEROS.bytes(), gzip)), NOT_INFLATED, "gzip");
        add("IngestArticle gzip bomb sent without an API key", () -> grpc(() -> RawCalls.unary(
                targets.compressingAnonymous(), IngestServiceGrpc.getIngestArticleMethod(),
                Bombs.INGEST_ARTICLE.bytes(), gzip)), Set.of("UNIMPLEMENTED", "RESOURCE_EXHAUSTED", "UNAUTHENTICATED"),
                "");
        add("IngestArticles gzip bomb: client_reference of 1 GiB of zeros", () -> grpc(() -> RawCalls.clientStream(
                ingest, IngestServiceGrpc.getIngestArticlesMethod(), List.of(Bombs.BULK_REFERENCE.bytes()), gzip)),
                NOT_INFLATED, "gzip");
        add("IngestArticle with an encoding no one knows", () -> grpc(() -> RawCalls.unary(ingest,
                IngestServiceGrpc.getIngestArticleMethod(), new WireMessage().message(1, plainArticle()).toByteArray(),
                CallOptions.DEFAULT.withCompression("x-hostile"))), NOT_INFLATED, "x-hostile");
        add("SearchArticles gzip bomb: query of 1 GiB of zeros", () -> grpc(() -> RawCalls.unary(query,
                QueryServiceGrpc.getSearchArticlesMethod(), Bombs.SEARCH_QUERY.bytes(), gzip)), NOT_INFLATED, "gzip");
        add("SearchArticles gzip bomb: 1 GiB of zeros", () -> grpc(() -> RawCalls.unary(query,
                QueryServiceGrpc.getSearchArticlesMethod(), Bombs.ZEROS.bytes(), gzip)), NOT_INFLATED, "gzip");
        add("AnalyzeDocument gzip bomb: document.content of 1.5 GiB of zeros", () -> grpc(() -> RawCalls.unary(nlp,
                NlpServiceGrpc.getAnalyzeDocumentMethod(), Bombs.NLP_CONTENT.bytes(), gzip)), NOT_INFLATED, "gzip");
        add("AnalyzeDocument gzip bomb: 1 GiB of zeros", () -> grpc(() -> RawCalls.unary(nlp,
                NlpServiceGrpc.getAnalyzeDocumentMethod(), Bombs.ZEROS.bytes(), gzip)), NOT_INFLATED, "gzip");
    }

    /** The bombs, each compressed once, when first used. */
    private enum Bombs {
        /** IngestArticleRequest.article(1).content(5). */
        INGEST_ARTICLE(() -> WireMessage.gzipBomb(BOMB_BYTES, 5, 1)),
        /** IngestArticlesRequest.client_reference(2). */
        BULK_REFERENCE(() -> WireMessage.gzipBomb(BOMB_BYTES, 2)),
        /** SearchArticlesRequest.query(1). */
        SEARCH_QUERY(() -> WireMessage.gzipBomb(BOMB_BYTES, 1)),
        /** AnalyzeDocumentRequest.document(1).content(2). */
        NLP_CONTENT(() -> WireMessage.gzipBomb(NLP_BOMB_BYTES, 2, 1)),
        ZEROS(() -> WireMessage.gzipOfZeros(BOMB_BYTES));

        private final java.util.function.Supplier<byte[]> compress;
        private byte[] bytes;

        Bombs(java.util.function.Supplier<byte[]> compress) {
            this.compress = compress;
        }

        synchronized byte[] bytes() {
            if (bytes == null) {
                bytes = compress.get();
            }
            return bytes;
        }
    }

    // --- The same bombs as HTTP bodies with Content-Encoding: gzip, to each service's port ---

    private void httpBodies() {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        Set<String> refusedOrIgnored = Set.of("HTTP_2XX", "HTTP_4XX");
        for (Map.Entry<Service, Integer> service : targets.httpPorts().entrySet()) {
            String base = "http://localhost:" + service.getValue();
            add("HTTP POST of a gzip bomb to " + service.getKey().displayName() + " /q/health/ready",
                    () -> httpPost(http, base + "/q/health/ready", "application/json"), refusedOrIgnored, "");
            add("HTTP/1.1 POST of a gzip bomb to " + service.getKey().displayName() + "'s gRPC path",
                    () -> httpPost(http, base + "/" + IngestServiceGrpc.getIngestArticleMethod().getFullMethodName(),
                            "application/grpc"), refusedOrIgnored, "");
        }
    }

    private static Answer httpPost(HttpClient http, String url, String contentType)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(RawCalls.DEADLINE_SECONDS))
                .header("Content-Type", contentType)
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Bombs.ZEROS.bytes()))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Answer("HTTP_" + response.statusCode() / 100 + "XX", "HTTP " + response.statusCode() + " "
                    + body.substring(0, Math.min(200, body.length())));
        } catch (IOException e) {
            // A server may close the connection on a body it will not read: a refusal too.
            return new Answer("HTTP_4XX", "connection closed: " + e);
        }
    }

    // --- Sending ---

    private void add(String name, Callable<Answer> send, Set<String> acceptable, String mention) {
        inputs.add(new HostileInput(name, send, acceptable, mention));
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    private static Answer grpc(Call call) throws Exception {
        try {
            call.run();
            return new Answer("OK", "");
        } catch (StatusRuntimeException e) {
            String description = e.getStatus().getDescription();
            return new Answer(e.getStatus().getCode().name(), description == null ? "" : description);
        }
    }

    private Answer ingest(Article.Builder article) throws Exception {
        return grpc(() -> ingestStub().ingestArticle(IngestArticleRequest.newBuilder().setArticle(article).build()));
    }

    /** A bulk stream of one article: REJECTED with the article's error when the call succeeds but takes nothing. */
    private Answer ingestStream(IngestArticlesRequest request) throws Exception {
        IngestArticlesResponse[] response = new IngestArticlesResponse[1];
        Answer answer = grpc(() -> response[0] = IngestArticlesResponse.parseFrom(RawCalls.clientStream(
                targets.ingest(), IngestServiceGrpc.getIngestArticlesMethod(), List.of(request.toByteArray()),
                CallOptions.DEFAULT)));
        if (!answer.code().equals("OK")) {
            return answer;
        }
        if (response[0].getAcceptedCount() == 0 && response[0].getAlreadyStoredCount() == 0
                && response[0].getResultsCount() > 0) {
            return new Answer("REJECTED", response[0].getResults(0).getError());
        }
        return new Answer("OK", response[0].toString());
    }

    private Answer analyze(Document.Builder document) throws Exception {
        return analyze(AnalyzeDocumentRequest.newBuilder().setDocument(document));
    }

    private Answer analyze(AnalyzeDocumentRequest.Builder request) throws Exception {
        return grpc(() -> NlpServiceGrpc.newBlockingStub(targets.nlp())
                .withDeadlineAfter(RawCalls.DEADLINE_SECONDS, TimeUnit.SECONDS)
                .analyzeDocument(request.build()));
    }

    private static Article.Builder article() {
        return Article.newBuilder().setSource("Hostile").setContentType(Article.ContentType.PLAIN_TEXT)
                .setContent(ByteString.copyFromUtf8(TEXT));
    }

    private static Document.Builder document() {
        return Document.newBuilder().setType(Document.Type.PLAIN_TEXT).setContent(TEXT);
    }

    private IngestServiceGrpc.IngestServiceBlockingStub ingestStub() {
        return IngestServiceGrpc.newBlockingStub(targets.ingest())
                .withDeadlineAfter(RawCalls.DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    private QueryServiceGrpc.QueryServiceBlockingStub query() {
        return QueryServiceGrpc.newBlockingStub(targets.query())
                .withDeadlineAfter(RawCalls.DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    private static Timestamp timestamp(String instant) {
        return Timestamp.newBuilder().setSeconds(Instant.parse(instant).getEpochSecond()).build();
    }

    private static String base64(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
