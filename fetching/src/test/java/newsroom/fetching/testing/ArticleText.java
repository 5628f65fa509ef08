package newsroom.fetching.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * English news prose for a test page, different for every title: each sentence fills a template
 * with names, places, numbers and things drawn from a generator seeded by the title, and a slot
 * comes every few words, so two pages share almost none of their five-word runs (ingest's
 * same-story rule compares those) while each reads like a report, quotes included.
 */
final class ArticleText {

    private static final String[] PEOPLE = {"Maria Lopez", "James Okafor", "Anika Sharma", "Tomas Novak",
            "Grace Whitfield", "Daniel Mbeki", "Helen Carter", "Yusuf Demir", "Claire Dubois", "Peter Lindqvist",
            "Fatima Haddad", "Owen Gallagher", "Sofia Rossi", "Kenji Watanabe", "Laura Jensen", "Samuel Adeyemi",
            "Irene Kowalski", "Marcus Bell", "Priya Nair", "Lucas Moreau", "Hannah Fischer", "David Cohen",
            "Elena Petrova", "Robert Hughes"};
    private static final String[] ROLES = {"chief executive", "mayor", "spokeswoman", "finance minister",
            "union leader", "lead engineer", "council chair", "health director", "professor of economics",
            "harbour master", "school principal", "police commissioner", "transport secretary", "chief economist",
            "head of research", "fire chief"};
    private static final String[] ORGS = {"the city council", "Northwind Energy", "the port authority",
            "the national rail operator", "Bluewater Holdings", "the regional health board", "the teachers' union",
            "Meridian Bank", "the environment agency", "Crestline Foods", "the housing trust", "Atlas Logistics",
            "the university hospital", "the water company", "Summit Airlines", "the farmers' cooperative"};
    private static final String[] PLACES = {"Riverside", "Eastport", "the old market district", "Kingsbridge",
            "the northern valley", "Millbrook", "the harbour front", "Ashford", "Cedar Hill", "the industrial estate",
            "Westmoor", "the coastal villages", "Lakeview", "Stonegate", "the university quarter", "Fairhaven"};
    private static final String[] THINGS = {"bridge repair", "wind farm", "budget", "bus network", "flood barrier",
            "hospital wing", "housing plan", "fishing quota", "school merger", "water tariff", "rail link",
            "tax rebate", "airport expansion", "recycling scheme", "pay deal", "data centre", "grain harvest",
            "ferry contract", "library closure", "solar programme"};
    private static final String[] VERBS = {"cost", "save", "employ", "cut emissions by", "raise prices by",
            "reduce waiting times by", "add", "delay services by", "lift output by", "shrink deficits by"};
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
            "Sunday"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December"};
    private static final String[] MOODS = {"cautious", "angry", "hopeful", "divided", "sceptical", "relieved",
            "impatient", "confident"};

    private static final String[] TEMPLATES = {
            "{P}, the {R} of {O}, said on {D} that the {T} in {L} would {V} {N} percent before {M}.",
            "\"We have waited {N} years for this {T},\" {P} said, standing outside {O} offices in {L}.",
            "Residents of {L} were {F} after {O} confirmed the {T} would {V} {N} percent by {M}.",
            "According to figures released by {O} on {D}, the {T} has already drawn {N} objections from {L}.",
            "\"Nobody in {L} asked for a {T} that will {V} {N} percent,\" said {P}, a {R} who opposes it.",
            "{P}, a {R}, told reporters in {L} that {O} had underestimated the {T} by {N} million.",
            "The {T} was first proposed in {M}, when {O} promised {L} it would {V} {N} percent.",
            "Critics in {L}, led by {P}, argue the {T} favours {O} and will cost {N} jobs by {M}.",
            "\"If the {T} fails, {L} pays,\" {P}, the {R}, said at a {F} meeting on {D}.",
            "A vote on the {T} is expected in {M}, and {O} says {N} families in {L} could be affected.",
            "{O} declined to comment on {D}, but a {R} close to the {T} in {L} called the {N} figure {F}.",
            "Shops around {L} closed early on {D} as {N} people marched against the {T} backed by {O}.",
            "\"I think {O} will {V} {N} percent, but {L} deserves better,\" {P} said by phone on {D}.",
            "Engineers hired by {O} estimate the {T} near {L} will take {N} months, finishing in {M}.",
    };

    private ArticleText() {
    }

    /** Paragraphs of three or four sentences each, about 250 words in all, the same for the same title. */
    static List<String> paragraphs(String title, int count) {
        Random random = new Random(title.hashCode() * 31L + title.length());
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("The story behind \"" + title + "\" began quietly. " + sentence(random) + " "
                + sentence(random));
        for (int i = 1; i < count; i++) {
            StringBuilder paragraph = new StringBuilder();
            int sentences = 3 + random.nextInt(2);
            for (int s = 0; s < sentences; s++) {
                if (s > 0) {
                    paragraph.append(' ');
                }
                paragraph.append(sentence(random));
            }
            paragraphs.add(paragraph.toString());
        }
        return paragraphs;
    }

    /** A person's name for a byline, the same for the same title. */
    static String author(String title) {
        return PEOPLE[Math.floorMod(title.hashCode() * 7 + 3, PEOPLE.length)];
    }

    private static String sentence(Random random) {
        String template = TEMPLATES[random.nextInt(TEMPLATES.length)];
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '{' && i + 2 < template.length() && template.charAt(i + 2) == '}') {
                out.append(fill(template.charAt(i + 1), random));
                i += 2;
            } else {
                out.append(c);
            }
        }
        String text = out.toString();
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String fill(char slot, Random random) {
        return switch (slot) {
            case 'P' -> pick(PEOPLE, random);
            case 'R' -> pick(ROLES, random);
            case 'O' -> pick(ORGS, random);
            case 'L' -> pick(PLACES, random);
            case 'T' -> pick(THINGS, random);
            case 'V' -> pick(VERBS, random);
            case 'N' -> Integer.toString(2 + random.nextInt(480));
            case 'D' -> pick(DAYS, random);
            case 'M' -> pick(MONTHS, random);
            case 'F' -> pick(MOODS, random);
            default -> throw new IllegalArgumentException("no slot " + slot);
        };
    }

    private static String pick(String[] words, Random random) {
        return words[random.nextInt(words.length)];
    }
}
