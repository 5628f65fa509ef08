package newsroom.bench.nlp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Direct-quote detection and speaker accuracy on a PolNeAR split, the rules of
 * the reference scorer {@code polnear_quotes.py} ported one by one (see its
 * {@code --help}): a gold direct quote is an attribution whose Content is
 * wholly inside quotation marks; its predicted quote is the one overlapping it
 * most. A named source is right when the quote's speaker, or a name, alias or
 * mention of its speaker entity, shares a name token with the gold Source. A
 * pronoun source ("he") is right when a mention of the speaker entity overlaps
 * the pronoun, or when the candidates share a name token with the nearest
 * preceding named Source of the article.
 */
final class PolnearScorer {

    /** The counts the reference scorer reports. */
    static final class Result {
        int articles;
        int direct;
        int detected;
        int named;
        int namedOk;
        int pronoun;
        int pronounOk;
        int description;
        int noSource;
        int predicted;
        int predictedOk;

        static String pct(int x, int n) {
            return PolnearRules.pct(x, n);
        }

        double namedAccuracy() {
            return named == 0 ? 0 : 100.0 * namedOk / named;
        }

        double pronounAccuracy() {
            return pronoun == 0 ? 0 : 100.0 * pronounOk / pronoun;
        }

        double bothAccuracy() {
            return named + pronoun == 0 ? 0 : 100.0 * (namedOk + pronounOk) / (named + pronoun);
        }
    }

    static Result score(Path splitDir, Path analysisDir) throws IOException {
        Result r = new Result();
        for (PolnearArticle article : PolnearArticle.read(splitDir, analysisDir, false).articles()) {
            r.articles++;
            scoreArticle(r, article);
        }
        return r;
    }

    private static void scoreArticle(Result r, PolnearArticle article) {
        List<PolnearArticle.Attribution> directs = article.attributions().stream()
                .filter(a -> article.form(a) == PolnearRules.Form.DIRECT)
                .toList();
        for (PolnearArticle.Prediction p : article.predictions()) {
            r.predicted++;
            if (article.attributions().stream().anyMatch(a -> p.overlap(a.content()) > 0)) {
                r.predictedOk++;
            }
        }
        for (PolnearArticle.Attribution direct : directs) {
            r.direct++;
            PolnearArticle.Prediction best = article.bestMatch(direct.content());
            if (best != null) {
                r.detected++;
            }
            switch (article.sourceKind(direct)) {
                case NONE -> r.noSource++;
                case NAMED -> {
                    r.named++;
                    r.namedOk += article.speakerRight(direct, best) ? 1 : 0;
                }
                case PRONOUN -> {
                    r.pronoun++;
                    r.pronounOk += article.speakerRight(direct, best) ? 1 : 0;
                }
                case DESCRIPTION -> r.description++;
            }
        }
    }
}
