package newsroom.nlp.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups the proper-name mentions of one document into clusters, one per
 * real-world entity. Fuller names are placed first, so shorter forms can join
 * them: a surname joins the full name it ends ("Lavrov" -> "Sergey Lavrov"),
 * spelling variants of a first name join each other ("Sergei Lavrov"), an
 * acronym joins the name it abbreviates ("UN" -> "United Nations").
 * Names of different types never join, and neither do full names that
 * conflict (two different first names with the same surname). When a short
 * form fits more than one cluster it joins the one mentioned nearest before it.
 */
public final class NameClusterer {

    /** The clusters, each in text order, ordered by their first mention. */
    public List<List<NameMention>> cluster(List<NameMention> mentions) {
        List<Cluster> clusters = new ArrayList<>();
        List<NameMention> fullestFirst = mentions.stream()
                .sorted(Comparator.comparingInt((NameMention m) -> -NameForm.of(m.text()).size())
                        .thenComparingInt(NameMention::begin))
                .toList();
        for (NameMention mention : fullestFirst) {
            NameForm form = NameForm.of(mention.text());
            if (form.isEmpty()) {
                continue;
            }
            List<Cluster> candidates = clusters.stream().filter(c -> c.accepts(mention, form)).toList();
            if (candidates.isEmpty() && mention.type() == EntityType.PERSON && form.size() == 1) {
                candidates = clusters.stream().filter(c -> c.hasFirstName(form.first())).toList();
            }
            Cluster target = candidates.isEmpty() ? null : nearest(candidates, mention.begin());
            if (target == null) {
                target = new Cluster(mention.type());
                clusters.add(target);
            }
            target.add(mention, form);
        }
        return clusters.stream()
                .map(c -> c.mentions.stream().sorted(Comparator.comparingInt(NameMention::begin)).toList())
                .sorted(Comparator.comparingInt(c -> c.get(0).begin()))
                .toList();
    }

    /** The cluster mentioned nearest before {@code position}, else nearest after it. */
    private static Cluster nearest(List<Cluster> candidates, int position) {
        Cluster best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Cluster cluster : candidates) {
            for (NameMention m : cluster.mentions) {
                int distance = m.begin() <= position ? position - m.begin() : Integer.MAX_VALUE / 2 + m.begin() - position;
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = cluster;
                }
            }
        }
        return best;
    }

    private static final class Cluster {
        final EntityType type;
        final List<NameMention> mentions = new ArrayList<>();
        final List<NameForm> forms = new ArrayList<>();

        Cluster(EntityType type) {
            this.type = type;
        }

        void add(NameMention mention, NameForm form) {
            mentions.add(mention);
            if (!forms.contains(form)) {
                forms.add(form);
            }
        }

        boolean accepts(NameMention mention, NameForm form) {
            if (mention.type() != type) {
                return false;
            }
            return type == EntityType.PERSON ? acceptsPerson(form) : acceptsName(mention, form);
        }

        private boolean acceptsPerson(NameForm form) {
            if (form.size() == 1) {
                return forms.stream().anyMatch(f -> f.last().equals(form.first()));
            }
            List<NameForm> fullNames = forms.stream().filter(f -> f.size() >= 2).toList();
            return !fullNames.isEmpty() && fullNames.stream().allMatch(form::samePersonAs);
        }

        private boolean acceptsName(NameMention mention, NameForm form) {
            boolean acronym = form.size() == 1 && mention.text().length() >= 2
                    && mention.text().equals(mention.text().toUpperCase(java.util.Locale.ROOT));
            return forms.stream().anyMatch(f -> f.equals(form)
                    || acronym && f.size() >= 2 && f.acronym().equals(form.first())
                    || f.size() == 1 && form.size() >= 2 && form.acronym().equals(f.first()));
        }

        boolean hasFirstName(String word) {
            return type == EntityType.PERSON && forms.stream().anyMatch(f -> f.size() >= 2 && f.first().equals(word));
        }
    }
}
