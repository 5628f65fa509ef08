package newsroom.nlp.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Builds a document's entities from its proper-name mentions and its
 * coreference chains.
 *
 * <p>Names are grouped by {@link NameClusterer}. Coreference adds what names
 * alone cannot: it joins name clusters whose names are compatible, and it
 * attaches the chain's nominal and pronominal mentions ("the Russian foreign
 * minister", "he") to people and organizations. Chains are not trusted to join
 * names that conflict: CoreNLP puts two different ministers into one chain
 * when they appear in one sentence, so each nominal or pronominal mention goes
 * to the named entity mentioned nearest before it in its chain.
 */
public final class EntityBuilder {

    private final NameClusterer clusterer = new NameClusterer();
    private final SalienceScorer salience = new SalienceScorer();

    public List<DocumentEntity> build(List<NameMention> names, List<List<ChainMention>> chains, int textLength) {
        List<List<NameMention>> clusters = clusterer.cluster(names);
        int[] parent = new int[clusters.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<NameMention, Integer> clusterOf = new LinkedHashMap<>();
        for (int i = 0; i < clusters.size(); i++) {
            for (NameMention m : clusters.get(i)) {
                clusterOf.put(m, i);
            }
        }
        List<List<EntityMention>> attached = new ArrayList<>();
        clusters.forEach(c -> attached.add(new ArrayList<>()));

        for (List<ChainMention> chain : chains) {
            List<Anchor> anchors = new ArrayList<>();
            for (ChainMention cm : chain) {
                NameMention name = headName(cm, names);
                if (cm.kind() == MentionKind.NAME && name != null) {
                    anchors.add(new Anchor(cm.begin(), clusterOf.get(name)));
                }
            }
            joinCompatible(anchors, clusters, parent);
            for (ChainMention cm : chain) {
                if (cm.kind() == MentionKind.NAME || overlapsAnyName(cm, names)) {
                    continue;
                }
                Integer target = nearestAnchor(anchors, cm.begin());
                if (target != null && accepts(clusters.get(target).get(0).type(), cm)) {
                    attached.get(target).add(new EntityMention(cm.text(), cm.begin(), cm.end(), cm.kind()));
                }
            }
        }

        Map<Integer, List<EntityMention>> mentionsByRoot = new LinkedHashMap<>();
        Map<Integer, List<NameMention>> namesByRoot = new LinkedHashMap<>();
        for (int i = 0; i < clusters.size(); i++) {
            int root = find(parent, i);
            namesByRoot.computeIfAbsent(root, k -> new ArrayList<>()).addAll(clusters.get(i));
            List<EntityMention> mentions = mentionsByRoot.computeIfAbsent(root, k -> new ArrayList<>());
            clusters.get(i).forEach(n -> mentions.add(new EntityMention(n.text(), n.begin(), n.end(), MentionKind.NAME)));
            mentions.addAll(attached.get(i));
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

    private static boolean accepts(EntityType type, ChainMention mention) {
        return type == EntityType.PERSON ? mention.animate() : type == EntityType.ORGANIZATION;
    }

    /** The name inside a proper chain mention: a person if there is one, else the last name (the head). */
    private static NameMention headName(ChainMention cm, List<NameMention> names) {
        NameMention best = null;
        for (NameMention n : names) {
            if (n.begin() >= cm.begin() && n.end() <= cm.end()
                    && (best == null || n.type() == EntityType.PERSON || best.type() != EntityType.PERSON)) {
                best = n;
            }
        }
        return best;
    }

    /** Whether a description contains a name of its own ("Pakistan's envoy"); nationalities do not count. */
    private static boolean overlapsAnyName(ChainMention cm, List<NameMention> names) {
        return names.stream().anyMatch(n -> n.type() != EntityType.MISC && n.begin() < cm.end() && cm.begin() < n.end());
    }

    private static Integer nearestAnchor(List<Anchor> anchors, int position) {
        Anchor before = null;
        Anchor after = null;
        for (Anchor a : anchors) {
            if (a.begin() <= position && (before == null || a.begin() > before.begin())) {
                before = a;
            }
            if (a.begin() > position && (after == null || a.begin() < after.begin())) {
                after = a;
            }
        }
        Anchor chosen = before != null ? before : after;
        return chosen == null ? null : chosen.cluster();
    }

    /** Joins clusters one chain links when their names can name the same thing. */
    private static void joinCompatible(List<Anchor> anchors, List<List<NameMention>> clusters, int[] parent) {
        for (Anchor a : anchors) {
            for (Anchor b : anchors) {
                int ra = find(parent, a.cluster());
                int rb = find(parent, b.cluster());
                if (ra != rb && compatible(clusters.get(a.cluster()), clusters.get(b.cluster()))) {
                    parent[Math.max(ra, rb)] = Math.min(ra, rb);
                }
            }
        }
    }

    private static boolean compatible(List<NameMention> a, List<NameMention> b) {
        if (a.get(0).type() != b.get(0).type()) {
            return false;
        }
        NameForm fa = NameForm.of(canonicalName(a));
        NameForm fb = NameForm.of(canonicalName(b));
        if (a.get(0).type() == EntityType.PERSON && fa.size() >= 2 && fb.size() >= 2) {
            return fa.samePersonAs(fb);
        }
        return NameForm.isSubsequence(fa, fb) || NameForm.isSubsequence(fb, fa);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            i = parent[i];
        }
        return i;
    }

    private static List<EntityMention> distinctInOrder(List<EntityMention> mentions) {
        Map<Long, EntityMention> bySpan = new LinkedHashMap<>();
        mentions.stream().sorted(Comparator.comparingInt(EntityMention::begin))
                .forEach(m -> bySpan.putIfAbsent(((long) m.begin() << 32) | m.end(), m));
        return List.copyOf(bySpan.values());
    }

    private record Anchor(int begin, int cluster) {
    }
}
