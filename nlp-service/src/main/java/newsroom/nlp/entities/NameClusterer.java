package newsroom.nlp.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups the proper-name mentions of one document into clusters, one per
 * real-world entity. Fuller names are placed first, so shorter forms can join
 * them: a surname joins the full name it ends ("Lavrov" -> "Sergey Lavrov"),
 * spelling variants of a first name join each other ("Sergei Lavrov"), full
 * names with the same first name and a transliterated surname too ("Volodymyr
 * Zelenskyy", "Volodymyr Zelensky"), an acronym joins the name it abbreviates
 * ("UN" -> "United Nations"), a company's name without its legal form joins
 * the full one ("Apple" -> "Apple Inc.").
 * Names of different types never join, and neither do full names that
 * conflict (two different first names with the same surname). When a short
 * form fits more than one cluster it joins the one mentioned nearest before it.
 * A surname alone in a transliteration of its own ("Zelenskiy") joins a person
 * only when no surname is spelled so and exactly one person's full name in the
 * document ends in a variant of it: that full name is the evidence, and with
 * two candidates there is none. With no full name, the evidence is the same
 * title before both spellings ("President Zelensky", "President Zelenskiy").
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
                candidates = clusters.stream().filter(c -> c.hasSurnameVariant(form)).toList();
                if (candidates.isEmpty() && !mention.title().isEmpty()) {
                    candidates = clusters.stream().filter(c -> c.hasTitledSurnameVariant(form, mention.title())).toList();
                }
                if (candidates.size() > 1) {
                    candidates = List.of();
                }
            }
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
            NameForm company = form.withoutLegalForm();
            return forms.stream().anyMatch(f -> f.equals(form)
                    || f.withoutLegalForm().equals(company)
                    || acronym && f.size() >= 2 && f.withoutLegalForm().acronym().equals(form.first())
                    || f.size() == 1 && form.size() >= 2 && company.acronym().equals(f.first()));
        }

        /** A full name of this person ends in a transliteration of the surname alone. */
        boolean hasSurnameVariant(NameForm surname) {
            return type == EntityType.PERSON
                    && forms.stream().anyMatch(f -> f.size() >= 2 && f.sameSurnameAs(surname));
        }

        /** A surname alone of this person, a transliteration of this one, had the same title. */
        boolean hasTitledSurnameVariant(NameForm surname, String title) {
            return type == EntityType.PERSON && mentions.stream().anyMatch(m -> m.title().equals(title)
                    && NameForm.of(m.text()).size() == 1 && NameForm.of(m.text()).sameSurnameAs(surname));
        }

        boolean hasFirstName(String word) {
            return type == EntityType.PERSON && forms.stream().anyMatch(f -> f.size() >= 2 && f.first().equals(word));
        }
    }
}
