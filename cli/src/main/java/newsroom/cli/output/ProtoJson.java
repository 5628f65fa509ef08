package newsroom.cli.output;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;

/**
 * The proto3 JSON form of a reply (lowerCamelCase field names), the same form the
 * services' contracts document, with every field printed even at its default: a
 * mention that begins at offset 0 must still carry {@code "begin": 0}, or readers
 * of the JSON (the reference scorers among them) cannot place it.
 */
public final class ProtoJson {

    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().alwaysPrintFieldsWithNoPresence();
    private static final JsonFormat.Printer ONE_LINE = JsonFormat.printer().alwaysPrintFieldsWithNoPresence()
            .omittingInsignificantWhitespace();

    private ProtoJson() {
    }

    public static String print(MessageOrBuilder message) {
        try {
            return PRINTER.print(message);
        } catch (InvalidProtocolBufferException e) {
            // Only messages with Any fields of unknown types fail; ours have none.
            throw new IllegalStateException("cannot print " + message.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The JSON on one line, for one-object-per-line output. */
    public static String printOneLine(MessageOrBuilder message) {
        try {
            return ONE_LINE.print(message);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot print " + message.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
