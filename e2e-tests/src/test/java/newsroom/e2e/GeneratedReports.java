package newsroom.e2e;

import com.google.protobuf.ByteString;
import java.util.Random;
import newsroom.ingest.v1.Article;

/** Distinct English reports of about 60 words, for the fault tests' bulk loads. */
final class GeneratedReports {

    private static final String[] WORDS = ("minister council river housing market election school court police budget "
            + "hospital farmers union strike energy prices village museum airport bridge rail workers report health "
            + "storm harbour festival library").split(" ");

    private GeneratedReports() {
    }

    /** Report number {@code n}, with a URL of its own under {@code site}. */
    static Article article(String site, int n) {
        Random random = new Random(n * 7919L + 1);
        StringBuilder text = new StringBuilder("Officials said on Monday that the ");
        for (int s = 0; s < 6; s++) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(" and the ")
                    .append(WORDS[random.nextInt(WORDS.length)]).append(" were discussed with the ")
                    .append(WORDS[random.nextInt(WORDS.length)]).append(" committee in report ").append(n)
                    .append(". Then the ");
        }
        text.append("meeting ended.");
        return Article.newBuilder()
                .setUrl("https://" + site + "/article/" + n)
                .setContentType(Article.ContentType.PLAIN_TEXT)
                .setContent(ByteString.copyFromUtf8(text.toString()))
                .build();
    }
}
