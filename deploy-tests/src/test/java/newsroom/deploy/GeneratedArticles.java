package newsroom.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * Short English news items written for the load test, each about different people,
 * places and numbers, so that no two look alike to duplicate detection. Not evaluation
 * data: only the number analysed matters, not what is found in them.
 */
final class GeneratedArticles {

    private static final String[] FIRST = {"Amelia", "Bruno", "Chiara", "Dmitri", "Elena", "Farid", "Greta", "Hiroshi",
        "Ingrid", "Jonas", "Kavya", "Lucas", "Mireille", "Nikolai", "Olga", "Pedro", "Quentin", "Rosa", "Samir", "Tomasz"};
    private static final String[] LAST = {"Abernathy", "Bianchi", "Castellanos", "Dvorak", "Eriksen", "Fontaine",
        "Gallagher", "Halvorsen", "Ivanova", "Jankowski", "Kowalczyk", "Lindqvist", "Moreau", "Nakamura", "Okafor"};
    private static final String[] CITY = {"Lisbon", "Krakow", "Nairobi", "Osaka", "Valparaiso", "Tromso", "Marseille",
        "Hanoi", "Winnipeg", "Tbilisi", "Cork", "Antwerp", "Bergen", "Porto", "Quito", "Zagreb", "Accra"};
    private static final String[] BODY = {"city council", "port authority", "farmers' union", "transit agency",
        "water board", "university senate", "hospital trust", "fishing cooperative", "chamber of commerce",
        "teachers' association", "railway operator"};
    private static final String[] SUBJECT = {"a new bridge", "winter bus fares", "a desalination plant", "grain exports",
        "library opening hours", "a wind farm", "hospital parking", "cod quotas", "a tram extension", "school meals",
        "flood barriers", "night trains", "rent controls"};
    private static final String[] DAY = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    private static final String[] VERB = {"approved", "rejected", "postponed", "debated", "questioned", "welcomed"};

    private GeneratedArticles() {
    }

    /** {@code count} articles, the i-th always the same text. */
    static List<String> generate(int count, int seed) {
        List<String> articles = new ArrayList<>();
        for (int i = seed; i < seed + count; i++) {
            String person = pick(FIRST, i) + " " + pick(LAST, i * 7 + 3);
            String other = pick(FIRST, i * 3 + 11) + " " + pick(LAST, i * 5 + 1);
            String city = pick(CITY, i * 11 + 2);
            String body = pick(BODY, i * 13 + 5);
            String subject = pick(SUBJECT, i * 17 + 4);
            String day = pick(DAY, i);
            int votes = 11 + (i * 37) % 80;
            int cost = 2 + (i * 53) % 97;
            articles.add(String.join(" ",
                    "The " + body + " of " + city + " " + pick(VERB, i * 19) + " plans for " + subject
                            + " on " + day + ", after " + votes + " members took part in a vote lasting " + (i % 9 + 2) + " hours.",
                    person + ", who chairs the " + body + ", said the scheme would cost " + cost + " million euros by "
                            + (2027 + i % 6) + ".",
                    "\"We owe " + city + " an answer before spring,\" " + person + " told reporters outside hall number " + (i + 4) + ".",
                    other + ", a critic from " + pick(CITY, i * 23 + 7) + ", said case " + (1000 + i * 91)
                            + " showed the figures were " + (i % 2 == 0 ? "too optimistic" : "out of date") + "."));
        }
        return articles;
    }

    private static String pick(String[] words, int index) {
        return words[Math.floorMod(index, words.length)];
    }
}
