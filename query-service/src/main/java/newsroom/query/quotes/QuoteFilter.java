package newsroom.query.quotes;

/**
 * Which quotes to list; the parts given combine with AND.
 *
 * @param speakerEntityId only this global entity's quotes; 0 means any speaker
 * @param speakerName     only quotes of speakers with this name or alias; empty means any
 * @param textQuery       only quotes containing these words (web-search syntax); empty means any
 */
public record QuoteFilter(long speakerEntityId, String speakerName, String textQuery) {
}
