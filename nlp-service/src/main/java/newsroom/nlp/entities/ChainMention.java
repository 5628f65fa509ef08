package newsroom.nlp.entities;

/**
 * One mention of a coreference chain.
 *
 * @param kind NAME for proper mentions ("Foreign Minister Shah Mahmood Qureshi"),
 *     NOMINAL ("the Russian foreign minister") or PRONOMINAL ("he")
 * @param animate false when the coreference system judged the mention inanimate
 */
public record ChainMention(String text, int begin, int end, MentionKind kind, boolean animate) {
}
