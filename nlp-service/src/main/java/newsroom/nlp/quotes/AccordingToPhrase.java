package newsroom.nlp.quotes;

import newsroom.nlp.text.Token;

final class AccordingToPhrase {
    private AccordingToPhrase() {
    }

    static Token source(QuoteContext context, Token according) {
        return null;
    }
}
