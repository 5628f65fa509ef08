package newsroom.cli;

import io.grpc.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import newsroom.cli.grpc.ServiceCallException;

/** Turns any failure of a command into the one line a person reads after "newsroom: ". */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    public static String describe(Throwable failure) {
        if (failure instanceof ServiceCallException call) {
            return describeCall(call);
        }
        if (failure instanceof UserError) {
            return failure.getMessage();
        }
        if (failure instanceof UncheckedIOException unchecked) {
            return describe(unchecked.getCause());
        }
        if (failure instanceof NoSuchFileException missing) {
            return "no such file or directory: " + missing.getFile();
        }
        if (failure instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (failure instanceof IOException && failure.getMessage() != null) {
            return failure.getMessage();
        }
        String message = failure.getMessage();
        return message == null || message.isBlank()
                ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + ": " + message;
    }

    private static String describeCall(ServiceCallException call) {
        Status status = call.status();
        if (status.getCode() == Status.Code.UNAVAILABLE && isConnectionFailure(status)) {
            return "cannot reach " + call.endpoint().serviceName() + " at " + call.endpoint().target()
                    + " — is it running? start it with ./newsroom up";
        }
        if (status.getCode() == Status.Code.DEADLINE_EXCEEDED) {
            return "DEADLINE_EXCEEDED: " + call.endpoint() + " did not answer in time";
        }
        String description = status.getDescription();
        return description == null || description.isBlank()
                ? status.getCode() + " from " + call.endpoint()
                : status.getCode() + ": " + description;
    }

    /**
     * UNAVAILABLE also means "up but not ready" (models still loading): only a refused or
     * failed connection means nobody listens there.
     */
    private static boolean isConnectionFailure(Status status) {
        for (Throwable cause = status.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof java.nio.channels.UnresolvedAddressException
                    || cause instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        String description = status.getDescription();
        if (description == null) {
            return status.getCause() instanceof IOException;
        }
        String lower = description.toLowerCase(Locale.ROOT);
        return lower.contains("connection refused") || lower.startsWith("io exception")
                || lower.contains("unable to resolve host");
    }
}
