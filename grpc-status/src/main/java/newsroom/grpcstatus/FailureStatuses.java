package newsroom.grpcstatus;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The canonical gRPC status (AIP-193) a service answers each of its failures with, in one
 * table per service: the service's own refusals by exception type, then one rule for
 * everything else (for the services with a store, {@code DatabaseFailures::toStatus}).
 *
 * <p>A refusal's exception message is written for the client (it names the field and what to
 * change) and becomes the status description as it is. A failure that already is a status
 * passes through unchanged, so a bean may refuse with a status of its own.
 *
 * <pre>{@code
 * FailureStatuses statuses = FailureStatuses.builder()
 *         .refuse(InvalidArticleException.class, Status.Code.INVALID_ARGUMENT)
 *         .refuse(ArticleNotFoundException.class, Status.Code.NOT_FOUND)
 *         .otherwise(DatabaseFailures::toStatus);
 * }</pre>
 */
public final class FailureStatuses {

    private final List<Refusal> refusals;
    private final Function<Throwable, StatusRuntimeException> otherwise;

    private FailureStatuses(List<Refusal> refusals, Function<Throwable, StatusRuntimeException> otherwise) {
        this.refusals = List.copyOf(refusals);
        this.otherwise = otherwise;
    }

    /** Starts a table; refusals are matched in the order they are added. */
    public static Builder builder() {
        return new Builder();
    }

    /** The status for {@code failure}: its own if it is one, a refusal's, or the table's rule for the rest. */
    public StatusRuntimeException toStatus(Throwable failure) {
        return toStatus(failure, otherwise);
    }

    /**
     * As {@link #toStatus(Throwable)}, with {@code otherwise} in place of the table's rule for
     * the failures no refusal claims: for a call that words one of them its own way.
     */
    public StatusRuntimeException toStatus(Throwable failure, Function<Throwable, StatusRuntimeException> otherwise) {
        if (failure instanceof StatusRuntimeException status) {
            return status;
        }
        for (Refusal refusal : refusals) {
            if (refusal.type().isInstance(failure)) {
                return refusal.code().toStatus().withDescription(failure.getMessage()).asRuntimeException();
            }
        }
        return otherwise.apply(failure);
    }

    /** One row of the table: a failure the service expects, and the code a client acts on. */
    private record Refusal(Class<? extends Throwable> type, Status.Code code) {
    }

    /** Collects a service's refusals; {@link #otherwise} completes the table. */
    public static final class Builder {

        private final List<Refusal> refusals = new ArrayList<>();

        private Builder() {
        }

        /** A failure of {@code type} (or a subtype) is answered with {@code code} and the failure's message. */
        public Builder refuse(Class<? extends Throwable> type, Status.Code code) {
            if (code == Status.Code.OK) {
                throw new IllegalArgumentException("a refusal needs an error code, not OK");
            }
            refusals.add(new Refusal(type, code));
            return this;
        }

        /** The table, answering every failure no refusal claims with {@code rule}. */
        public FailureStatuses otherwise(Function<Throwable, StatusRuntimeException> rule) {
            return new FailureStatuses(refusals, rule);
        }
    }
}
