package newsroom.nlp.pipeline;

/** The language models are not loaded yet; the caller should retry shortly. */
public final class ModelsLoadingException extends RuntimeException {

    public ModelsLoadingException(String message) {
        super(message);
    }
}
