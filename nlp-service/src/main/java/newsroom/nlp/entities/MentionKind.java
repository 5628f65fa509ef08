package newsroom.nlp.entities;

/** How a mention refers to its entity; names match {@code newsroom.nlp.v1.Mention.Kind}. */
public enum MentionKind {
    NAME,
    NOMINAL,
    PRONOMINAL
}
