package newsroom.nlp.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Builds a document's entities from its proper-name mentions: names are
 * grouped by {@link NameClusterer}, each group becomes one entity named by its
 * fullest form, with the other forms as aliases, ranked by salience.
 * Pronouns and role phrases are not coreference-chained here (CoreNLP's
 * coreference was the slowest stage and joined different ministers); the
 * quote stage adds the pronoun and role subjects it resolves to a speaker.
 */
public final class EntityBuilder {

    private final NameClusterer clusterer = new NameClusterer();
    private final SalienceScorer salience = new SalienceScorer();

    public List<DocumentEntity> build(List<NameMention> names, int textLength) {
        List<List<NameMention>> clusters = clusterer.cluster(names);
        Map<Integer, List<EntityMention>> mentionsByRoot = new LinkedHashMap<>();
        Map<Integer, List<NameMention>> namesByRoot = new LinkedHashMap<>();
        for (int i = 0; i < clusters.size(); i++) {
            namesByRoot.put(i, clusters.get(i));
            mentionsByRoot.put(i, clusters.get(i).stream()
                    .map(n -> new EntityMention(n.text(), n.begin(), n.end(), MentionKind.NAME)).toList());
        }

        List<DocumentEntity> unnumbered = new ArrayList<>();
        for (var entry : namesByRoot.entrySet()) {
            List<NameMention> clusterNames = entry.getValue();
            List<EntityMention> mentions = distinctInOrder(mentionsByRoot.get(entry.getKey()));
            String canonical = canonicalName(clusterNames);
            LinkedHashSet<String> aliases = new LinkedHashSet<>();
            clusterNames.stream().sorted(Comparator.comparingInt(NameMention::begin))
                    .map(NameMention::text).filter(t -> !t.equals(canonical)).forEach(aliases::add);
            unnumbered.add(new DocumentEntity("", canonical, clusterNames.get(0).type(), List.copyOf(aliases),
                    mentions, salience.rawScore(mentions, textLength)));
        }
        double max = unnumbered.stream().mapToDouble(DocumentEntity::salience).max().orElse(1);
        List<DocumentEntity> ranked = unnumbered.stream()
                .sorted(Comparator.comparingDouble((DocumentEntity e) -> -e.salience())
                        .thenComparingInt(e -> e.mentions().get(0).begin()))
                .toList();
        List<DocumentEntity> entities = new ArrayList<>();
        for (DocumentEntity e : ranked) {
            entities.add(new DocumentEntity("e" + (entities.size() + 1), e.name(), e.type(), e.aliases(),
                    e.mentions(), max > 0 ? e.salience() / max : 0));
        }
        return entities;
    }

    /** The fullest name form; ties go to the more frequent, then the earlier form. */
    static String canonicalName(List<NameMention> names) {
        Map<String, Long> counts = new LinkedHashMap<>();
        names.stream().sorted(Comparator.comparingInt(NameMention::begin))
                .forEach(n -> counts.merge(n.text(), 1L, Long::sum));
        return counts.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Long> e) -> -NameForm.of(e.getKey()).size())
                        .thenComparingLong(e -> -e.getValue()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    private static List<EntityMention> distinctInOrder(List<EntityMention> mentions) {
        Map<Long, EntityMention> bySpan = new LinkedHashMap<>();
        mentions.stream().sorted(Comparator.comparingInt(EntityMention::begin))
                .forEach(m -> bySpan.putIfAbsent(((long) m.begin() << 32) | m.end(), m));
        return List.copyOf(bySpan.values());
    }
}
