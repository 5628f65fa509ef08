package newsroom.nlp.quotes;

/** How an attribution gives the speaker's words (the contract's {@code AttributionForm}). */
public enum QuoteForm {
    /** All inside quotation marks: {@code "The talks were productive," Qureshi said.} */
    DIRECT,
    /** Reported, with quoted words in it: {@code Qureshi said the talks covered "practically everything".} */
    MIXED,
    /** Reported in the writer's words: {@code Qureshi said the talks had been very productive.} */
    INDIRECT
}
