package newsroom.e2e;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * A protobuf message written field by field, so that a request can carry what the generated
 * builders refuse to write: bytes that are not UTF-8 in a {@code string} field, or a field
 * declared far longer than anything a client would send (a zip bomb's inflated message).
 */
final class WireMessage {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

    /** A length-delimited field ({@code string}, {@code bytes} or a message) holding {@code value} as it is. */
    WireMessage bytes(int field, byte[] value) {
        try {
            out.writeByteArray(field, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    WireMessage text(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    WireMessage message(int field, WireMessage value) {
        return bytes(field, value.toByteArray());
    }

    /** An {@code int32}, {@code int64} or enum field. */
    WireMessage varint(int field, long value) {
        try {
            out.writeInt64(field, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    byte[] toByteArray() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The gzip of this message followed by a field {@code field} of {@code zeros} zero bytes,
     * nested in the messages {@code enclosing} (outermost first): a valid message once
     * inflated, a thousand times the size of the compressed bytes. Only the compressed bytes
     * are ever held in memory.
     */
    static byte[] gzipBomb(long zeros, int field, int... enclosing) {
        // Each enclosing message's length counts its inner field's tag, length and bytes.
        long[] lengths = new long[enclosing.length + 1];
        lengths[enclosing.length] = zeros;
        long inner = fieldSize(field, zeros);
        for (int i = enclosing.length - 1; i >= 0; i--) {
            lengths[i] = inner;
            inner = fieldSize(enclosing[i], inner);
        }
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(compressed, 1 << 16)) {
            for (int i = 0; i < enclosing.length; i++) {
                gzip.write(header(enclosing[i], lengths[i]));
            }
            gzip.write(header(field, zeros));
            writeZeros(gzip, zeros);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }

    /** The gzip of {@code zeros} zero bytes: not a valid message (a zero tag), but inflating it costs the same. */
    static byte[] gzipOfZeros(long zeros) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(compressed, 1 << 16)) {
            writeZeros(gzip, zeros);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }

    /** Writes {@code zeros} zero bytes a mebibyte at a time, so that no array of their size is ever made. */
    private static void writeZeros(OutputStream out, long zeros) throws IOException {
        byte[] block = new byte[1 << 20];
        for (long left = zeros; left > 0; left -= block.length) {
            out.write(block, 0, (int) Math.min(block.length, left));
        }
    }

    private static long fieldSize(int field, long length) {
        return CodedOutputStream.computeTagSize(field) + CodedOutputStream.computeUInt64SizeNoTag(length) + length;
    }

    private static byte[] header(int field, long length) throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(header);
        out.writeTag(field, 2); // WIRETYPE_LENGTH_DELIMITED
        out.writeUInt64NoTag(length);
        out.flush();
        return header.toByteArray();
    }
}
