package newsroom.ingest.story;

import java.util.Collection;
import java.util.Optional;

/**
 * Decides which candidate, if any, tells the same story as a new article: the
 * most similar one, when its similarity reaches {@link #THRESHOLD}.
 *
 * <p>Why 0.5: a lightly edited copy (new headline, a paragraph of
 * boilerplate, one or two sentences rewritten) keeps well over half of its
 * five-word shingles, while two different reports of one event share almost
 * none (measured on bbc-news, see BENCHMARKS.md).
 */
public final class SameStoryRule {

    public static final double THRESHOLD = 0.5;

    private SameStoryRule() {
    }

    public static Optional<StoryMatch> bestMatch(ShingleSignature signature, Collection<StoryCandidate> candidates) {
        StoryMatch best = null;
        for (StoryCandidate candidate : candidates) {
            double similarity = signature.similarity(candidate.signature());
            if (similarity >= THRESHOLD && (best == null || similarity > best.similarity()
                    || similarity == best.similarity() && candidate.storyId() < best.storyId())) {
                best = new StoryMatch(candidate.articleId(), candidate.storyId(), similarity);
            }
        }
        return Optional.ofNullable(best);
    }
}
