package newsroom.bench.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import newsroom.nlp.v1.Entity;
import newsroom.nlp.v1.Quote;

/**
 * What the simulated analysts ask, drawn from the base sample so the
 * questions are about what the store holds: entities are drawn in proportion
 * to the number of articles that mention them (popular entities are asked
 * about most, as in real use, and they are the most expensive); search words
 * are title words of four letters or more; quote words are words of quotes.
 */
final class Workload {

    private static final Set<String> STOP_WORDS = Set.of("with", "that", "from", "this", "have", "will", "said",
            "says", "than", "they", "were", "been", "into", "over", "after", "their", "about");

    private final List<String> entityNames = new ArrayList<>();
    private final List<Long> entityDraws = new ArrayList<>();
    private final List<Long> speakerDraws = new ArrayList<>();
    private final List<String> titleWords = new ArrayList<>();
    private final List<String> quoteWords = new ArrayList<>();

    Workload(List<AnalyzedSample> base, WidenedStoreIds ids) {
        Map<Long, String> names = new LinkedHashMap<>();
        for (int b = 0; b < base.size(); b++) {
            AnalyzedSample sample = base.get(b);
            Set<Long> seen = new java.util.HashSet<>();
            for (Entity entity : sample.analysis().getEntitiesList()) {
                Long id = ids.globalId(b, entity.getId());
                if (id != null && seen.add(id)) {
                    entityDraws.add(id);
                    names.putIfAbsent(id, entity.getName());
                }
            }
            for (Quote quote : sample.analysis().getQuotesList()) {
                Long speaker = ids.globalId(b, quote.getSpeakerEntityId());
                if (speaker != null) {
                    speakerDraws.add(speaker);
                }
                words(quote.getText(), quoteWords);
            }
            words(sample.title(), titleWords);
        }
        for (long id : entityDraws) {
            entityNames.add(names.get(id));
        }
    }

    /** Looks up global ids of the base sample's document entities. */
    interface WidenedStoreIds {
        Long globalId(int baseIndex, String localEntityId);
    }

    long entity(Random random) {
        return entityDraws.get(random.nextInt(entityDraws.size()));
    }

    long speaker(Random random) {
        return speakerDraws.get(random.nextInt(speakerDraws.size()));
    }

    /** An entity's name as an analyst types it: one in three with two neighbouring letters swapped. */
    String entityName(Random random) {
        String name = entityNames.get(random.nextInt(entityNames.size()));
        if (name.length() > 4 && random.nextInt(3) == 0) {
            int at = 1 + random.nextInt(name.length() - 3);
            return name.substring(0, at) + name.charAt(at + 1) + name.charAt(at) + name.substring(at + 2);
        }
        return name;
    }

    String searchWord(Random random) {
        return titleWords.get(random.nextInt(titleWords.size()));
    }

    String quoteWord(Random random) {
        return quoteWords.get(random.nextInt(quoteWords.size()));
    }

    private static void words(String text, List<String> into) {
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (word.length() >= 4 && !STOP_WORDS.contains(word)) {
                into.add(word);
            }
        }
    }
}
