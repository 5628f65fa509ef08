package newsroom.query.quotes;

import newsroom.nlp.v1.AttributionForm;
import newsroom.query.TimeRange;

/**
 * Which quotes to list; the parts given combine with AND.
 *
 * @param speakerEntityId only this global entity's quotes; 0 means any speaker
 * @param speakerName     only quotes of speakers with this name or alias; empty means any
 * @param textQuery       only quotes containing these words (web-search syntax); empty means any
 * @param nearEntityId    only quotes near a mention of this global entity; 0 means anywhere
 * @param form            only quotes of this form; ATTRIBUTION_FORM_UNSPECIFIED means any
 * @param range           only quotes of articles published in this range
 */
public record QuoteFilter(long speakerEntityId, String speakerName, String textQuery, long nearEntityId,
                          AttributionForm form, TimeRange range) {
}
