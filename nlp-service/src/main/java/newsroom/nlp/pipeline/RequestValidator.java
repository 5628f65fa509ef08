package newsroom.nlp.pipeline;

import com.google.protobuf.Timestamp;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import newsroom.nlp.v1.AnalyzeDocumentRequest;
import newsroom.nlp.v1.Document;

/** Checks an AnalyzeDocument request before any work is done on it. */
public final class RequestValidator {

    /** The range google.protobuf.Timestamp allows: 0001-01-01 to 9999-12-31. */
    private static final long MIN_SECONDS = -62_135_596_800L;
    private static final long MAX_SECONDS = 253_402_300_799L;

    private final int maxContentBytes;

    public RequestValidator(int maxContentBytes) {
        this.maxContentBytes = maxContentBytes;
    }

    public void validate(AnalyzeDocumentRequest request) {
        if (!request.hasDocument()) {
            throw new InvalidDocumentException("document", "is required");
        }
        Document document = request.getDocument();
        if (document.getType() != Document.Type.PLAIN_TEXT && document.getType() != Document.Type.HTML) {
            throw new InvalidDocumentException("document.type", "must be PLAIN_TEXT or HTML");
        }
        if (document.getAlreadyCleaned() && document.getType() != Document.Type.PLAIN_TEXT) {
            throw new InvalidDocumentException("document.already_cleaned",
                    "applies to PLAIN_TEXT only; send HTML with already_cleaned false");
        }
        if (document.getContent().isBlank()) {
            throw new InvalidDocumentException("document.content", "must not be empty");
        }
        int bytes = document.getContent().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxContentBytes) {
            throw new InvalidDocumentException("document.content",
                    "is " + bytes + " bytes of UTF-8; the limit is " + maxContentBytes + " bytes");
        }
        String language = document.getLanguage().toLowerCase(Locale.ROOT);
        if (!language.isEmpty() && !language.equals("en") && !language.startsWith("en-")) {
            throw new InvalidDocumentException("document.language",
                    "\"" + document.getLanguage() + "\" is not supported; only English (\"en\") is");
        }
        if (request.hasPublicationTime()) {
            Timestamp time = request.getPublicationTime();
            if (time.getSeconds() < MIN_SECONDS || time.getSeconds() > MAX_SECONDS
                    || time.getNanos() < 0 || time.getNanos() > 999_999_999) {
                throw new InvalidDocumentException("publication_time", "is not a valid timestamp");
            }
        }
    }
}
