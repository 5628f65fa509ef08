package newsroom.auth;

import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How much one client may stream, counted per caller ({@link Caller#CURRENT}, so it runs
 * after {@link CallerAuthenticator}): at most {@code maxOpenStreams} streaming calls at once
 * (bulk ingest, export), and at most {@code messagesPerSecond} messages sent into its
 * streams, with a burst of one second's worth. Beyond either the call ends with
 * RESOURCE_EXHAUSTED saying which limit and how to stay under it.
 */
public final class StreamLimits implements ServerInterceptor {

    /** Whose streams are counted together when authentication is off. */
    private static final String ANONYMOUS = "(unauthenticated)";

    private final int maxOpenStreams;
    private final int messagesPerSecond;
    private final Map<String, AtomicInteger> openStreams = new ConcurrentHashMap<>();
    private final Map<String, MessageBudget> budgets = new ConcurrentHashMap<>();

    public StreamLimits(int maxOpenStreams, int messagesPerSecond) {
        if (maxOpenStreams < 1 || messagesPerSecond < 1) {
            throw new IllegalArgumentException("stream limits must be at least 1, were " + maxOpenStreams
                    + " open streams and " + messagesPerSecond + " messages per second");
        }
        this.maxOpenStreams = maxOpenStreams;
        this.messagesPerSecond = messagesPerSecond;
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                                                       ServerCallHandler<Q, A> next) {
        MethodDescriptor.MethodType type = call.getMethodDescriptor().getType();
        // Probes' health watches and tools' reflection are not client traffic.
        if (type == MethodDescriptor.MethodType.UNARY
                || ServiceAccess.isOpen(call.getMethodDescriptor().getServiceName())) {
            return next.startCall(call, headers);
        }
        Caller caller = Caller.CURRENT.get();
        String client = caller == null ? ANONYMOUS : caller.name();
        AtomicInteger open = openStreams.computeIfAbsent(client, name -> new AtomicInteger());
        if (open.incrementAndGet() > maxOpenStreams) {
            open.decrementAndGet();
            call.close(Status.RESOURCE_EXHAUSTED.withDescription("client \"" + client + "\" already has "
                    + maxOpenStreams + " streams open, the most one client may (newsroom.limits.max-open-streams);"
                    + " finish one first"), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                open.decrementAndGet();
            }
        };
        OnceClosable<Q, A> closable = new OnceClosable<>(call, release);
        ServerCall.Listener<Q> delegate = next.startCall(closable, headers);
        boolean clientStreams = type == MethodDescriptor.MethodType.CLIENT_STREAMING
                || type == MethodDescriptor.MethodType.BIDI_STREAMING;
        MessageBudget budget = clientStreams
                ? budgets.computeIfAbsent(client, name -> new MessageBudget(messagesPerSecond))
                : null;
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
            @Override
            public void onMessage(Q message) {
                if (closable.isClosed()) {
                    return;
                }
                if (budget != null && !budget.take()) {
                    closable.close(Status.RESOURCE_EXHAUSTED.withDescription("client \"" + client + "\" sent more"
                            + " than " + messagesPerSecond + " messages per second into its streams"
                            + " (newsroom.limits.stream-messages-per-second); send more slowly and resume"
                            + " after the last acknowledged message"), new Metadata());
                    return;
                }
                super.onMessage(message);
            }

            @Override
            public void onComplete() {
                release.run();
                super.onComplete();
            }

            @Override
            public void onCancel() {
                release.run();
                super.onCancel();
            }
        };
    }

    /** A call that can be closed once, by the limit or by the service, whichever comes first. */
    private static final class OnceClosable<Q, A> extends ForwardingServerCall.SimpleForwardingServerCall<Q, A> {

        private final AtomicBoolean closed = new AtomicBoolean();
        private final Runnable onClose;

        OnceClosable(ServerCall<Q, A> call, Runnable onClose) {
            super(call);
            this.onClose = onClose;
        }

        boolean isClosed() {
            return closed.get();
        }

        @Override
        public void close(Status status, Metadata trailers) {
            if (closed.compareAndSet(false, true)) {
                onClose.run();
                super.close(status, trailers);
            }
        }
    }

    /** A token bucket: {@code perSecond} tokens a second, holding at most one second's worth. */
    private static final class MessageBudget {

        private final int perSecond;
        private double tokens;
        private long refilledAt = System.nanoTime();

        MessageBudget(int perSecond) {
            this.perSecond = perSecond;
            this.tokens = perSecond;
        }

        synchronized boolean take() {
            long now = System.nanoTime();
            tokens = Math.min(perSecond, tokens + (now - refilledAt) * perSecond / 1e9);
            refilledAt = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
