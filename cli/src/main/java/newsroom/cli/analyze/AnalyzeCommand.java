package newsroom.cli.analyze;

import com.google.protobuf.Timestamp;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import newsroom.cli.NewsroomCommand;
import newsroom.cli.UserError;
import newsroom.cli.grpc.ServiceCallException;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.ingest.ArticleFiles;
import newsroom.cli.ingest.PublishedTime;
import newsroom.cli.output.AnalysisReport;
import newsroom.cli.output.Reply;
import newsroom.cli.run.Service;
import newsroom.nlp.v1.AnalyzeDocumentRequest;
import newsroom.nlp.v1.AnalyzeDocumentResponse;
import newsroom.nlp.v1.Document;
import newsroom.nlp.v1.NlpServiceGrpc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code newsroom analyze FILE}: what nlp-service finds in a file; nothing is stored. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyses a file with the running nlp-service and shows its entities, quotes, dates and events;"
                + " nothing is stored. .html and .htm files are read as HTML.")
public class AnalyzeCommand implements Callable<Integer> {

    /** CoreNLP takes seconds per article, minutes for a very long one on a slow machine. */
    private static final long DEADLINE_MINUTES = 5;

    @ParentCommand
    NewsroomCommand newsroom;

    @Parameters(paramLabel = "FILE", description = "The article to analyse.")
    Path file;

    @Option(names = "--published", paramLabel = "TIME", converter = PublishedTime.class,
            description = "When it was published (YYYY-MM-DD or ISO-8601); relative dates are resolved against it"
                    + " (default: now).")
    Timestamp published;

    @Option(names = "--json", description = "Print the newsroom.nlp.v1.Analysis as proto3 JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Document document = Document.newBuilder()
                .setType(ArticleFiles.isHtml(file) ? Document.Type.HTML : Document.Type.PLAIN_TEXT)
                .setContent(readUtf8(file))
                .build();
        AnalyzeDocumentRequest.Builder request = AnalyzeDocumentRequest.newBuilder().setDocument(document);
        if (published != null) {
            request.setPublicationTime(published);
        }
        try (ServiceChannel nlp = newsroom.channel(Service.NLP)) {
            AnalyzeDocumentResponse response = ServiceCallException.call(nlp.endpoint(), () ->
                    NlpServiceGrpc.newBlockingStub(nlp.channel())
                            .withDeadlineAfter(DEADLINE_MINUTES, TimeUnit.MINUTES)
                            .analyzeDocument(request.build()));
            Reply.print(json, response.getAnalysis(), analysis -> AnalysisReport.print(analysis, System.out));
            return 0;
        }
    }

    private static String readUtf8(Path file) throws java.io.IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UserError(file + ": not UTF-8 text");
        }
    }
}
