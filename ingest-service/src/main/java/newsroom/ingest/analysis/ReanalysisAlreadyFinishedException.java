package newsroom.ingest.analysis;

/**
 * A re-analysed article's item was no longer pending when its analysis was to be written: a
 * worker whose claim had lapsed finished it first. Thrown to roll the second write back.
 */
public class ReanalysisAlreadyFinishedException extends RuntimeException {

    public ReanalysisAlreadyFinishedException(ClaimedArticle article) {
        super("article " + article.id() + " of re-analysis " + article.reanalysisId() + " is finished already");
    }
}
