package newsroom.cli.output;

import java.util.Locale;
import newsroom.nlp.v1.AttributionForm;
import newsroom.nlp.v1.Quote;
import newsroom.query.v1.QuoteRecord;

/**
 * One attribution as the CLI shows it, from an analysis' {@code Quote} or a stored
 * {@code QuoteRecord}. Only a direct quote is the speaker's own words throughout, so only
 * it is shown inside quotation marks; reported speech (mixed, indirect) is the writer's
 * wording and shown as it stands, with the quotation marks a mixed quote holds itself.
 *
 * @param speaker who said it: an entity's name, the article's words for a speaker that is no
 *                entity, marked {@value #NO_ENTITY} ("both countries (no entity)"), or
 *                {@value #UNATTRIBUTED}
 * @param cue     the cue's lemma ("say", "according to"); empty when there is none
 * @param form    {@code direct}, {@code mixed} or {@code indirect}, the words {@code quotes --form} takes
 * @param words   the quoted words in quotation marks, or the reported content
 */
public record Attribution(String speaker, String cue, String form, String words) {

    static final String NO_ENTITY = " (no entity)";
    static final String UNATTRIBUTED = "(unattributed)";

    public static Attribution of(Quote quote) {
        return of(quote.getSpeaker(), !quote.getSpeakerEntityId().isEmpty(), quote.getCue(), quote.getForm(),
                quote.getText());
    }

    public static Attribution of(QuoteRecord quote) {
        return of(quote.getSpeaker(), quote.getSpeakerEntityId() != 0, quote.getCue(), quote.getForm(),
                quote.getText());
    }

    private static Attribution of(String speaker, boolean isEntity, String cue, AttributionForm form, String text) {
        String who = speaker.isEmpty() ? UNATTRIBUTED : isEntity ? speaker : speaker + NO_ENTITY;
        AttributionForm shown = form == AttributionForm.MIXED || form == AttributionForm.INDIRECT
                ? form
                // Unset: an analysis from before forms existed, which held direct quotes only.
                : AttributionForm.DIRECT;
        String words = shown == AttributionForm.DIRECT ? "“" + text + "”" : text;
        return new Attribution(who, cue, shown.name().toLowerCase(Locale.ROOT), words);
    }
}
