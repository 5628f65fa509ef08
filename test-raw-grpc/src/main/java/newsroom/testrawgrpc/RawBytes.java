package newsroom.testrawgrpc;

import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A gRPC method with its messages as bytes, unparsed: the generated stubs' marshallers would
 * refuse to build the invalid requests the tests send.
 */
public final class RawBytes {

    /** Passes a message's bytes through both ways. */
    public static final MethodDescriptor.Marshaller<byte[]> MARSHALLER = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private RawBytes() {
    }

    /** {@code method} (from a generated stub) with its request and response as bytes. */
    public static MethodDescriptor<byte[], byte[]> of(MethodDescriptor<?, ?> method) {
        return method.toBuilder(MARSHALLER, MARSHALLER).build();
    }

    /** A unary method that no stub on the classpath describes ("grpc.health.v1.Health/Check"). */
    public static MethodDescriptor<byte[], byte[]> unary(String fullMethodName) {
        return MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName(fullMethodName)
                .setRequestMarshaller(MARSHALLER).setResponseMarshaller(MARSHALLER).build();
    }
}
