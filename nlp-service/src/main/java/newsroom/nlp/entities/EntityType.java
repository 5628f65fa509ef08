package newsroom.nlp.entities;

import java.util.Optional;

/** What kind of thing a document entity is; names match {@code newsroom.nlp.v1.Entity.Type}. */
public enum EntityType {
    PERSON,
    ORGANIZATION,
    GPE,
    LOCATION,
    MISC;

    /**
     * The entity type of a CoreNLP fine-grained NER tag, or empty for tags that
     * do not name a thing: titles, numbers, dates, money, charges, causes of death.
     */
    public static Optional<EntityType> fromNerTag(String tag) {
        return Optional.ofNullable(switch (tag) {
            case "PERSON" -> PERSON;
            case "ORGANIZATION" -> ORGANIZATION;
            case "COUNTRY", "CITY", "STATE_OR_PROVINCE" -> GPE;
            case "LOCATION" -> LOCATION;
            case "NATIONALITY", "RELIGION", "IDEOLOGY", "MISC" -> MISC;
            default -> null;
        });
    }
}
