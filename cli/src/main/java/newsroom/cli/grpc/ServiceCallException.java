package newsroom.cli.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.function.Supplier;

/** A call to a service that failed, with which service it was, so the error can say so. */
public final class ServiceCallException extends RuntimeException {

    private final Endpoint endpoint;
    private final Status status;

    public ServiceCallException(Endpoint endpoint, Status status) {
        super(endpoint + ": " + status, status.getCause());
        this.endpoint = endpoint;
        this.status = status;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public Status status() {
        return status;
    }

    /** Runs one call, turning a gRPC failure into a {@code ServiceCallException} naming the service. */
    public static <T> T call(Endpoint endpoint, Supplier<T> call) {
        try {
            return call.get();
        } catch (StatusRuntimeException e) {
            throw new ServiceCallException(endpoint, e.getStatus());
        }
    }
}
