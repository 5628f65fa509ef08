package newsroom.query.articles;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import java.util.List;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.TemporalExpression;

/**
 * Reads an analysis as ingest-service stored it: the protobuf bytes of {@code newsroom.nlp.v1.Analysis}
 * in {@code article.analysis}, kept as nlp-service answered, whatever the contract was then.
 *
 * <p>Some stored analyses hold {@code TemporalExpression.type} in its older form: the type's name as
 * text in field 5 (length-delimited, where the enum is a varint). The parser keeps such a field as an
 * unknown field and leaves the type unset; this sets the enum value of that name instead, so every
 * stored article shows its types the same way, without rewriting the store.
 */
public final class StoredAnalysis {

    private StoredAnalysis() {
    }

    /** The analysis of {@code bytes}; IllegalStateException naming the article when they do not parse. */
    public static Analysis parse(long articleId, byte[] bytes) {
        Analysis analysis;
        try {
            analysis = Analysis.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("article " + articleId + " has a stored analysis that does not parse", e);
        }
        if (analysis.getTemporalExpressionsList().stream().noneMatch(StoredAnalysis::hasTypeName)) {
            return analysis;
        }
        Analysis.Builder typed = analysis.toBuilder();
        for (TemporalExpression.Builder expression : typed.getTemporalExpressionsBuilderList()) {
            UnknownFieldSet unknown = expression.getUnknownFields();
            List<ByteString> names = unknown.getField(TemporalExpression.TYPE_FIELD_NUMBER).getLengthDelimitedList();
            if (!names.isEmpty()) {
                // The last occurrence of a field is its value, as for any singular field.
                expression.setType(typeNamed(names.get(names.size() - 1).toStringUtf8()));
                expression.setUnknownFields(UnknownFieldSet.newBuilder(unknown)
                        .clearField(TemporalExpression.TYPE_FIELD_NUMBER).build());
            }
        }
        return typed.build();
    }

    private static boolean hasTypeName(TemporalExpression expression) {
        return !expression.getUnknownFields().getField(TemporalExpression.TYPE_FIELD_NUMBER)
                .getLengthDelimitedList().isEmpty();
    }

    private static TemporalExpression.Type typeNamed(String name) {
        for (TemporalExpression.Type type : TemporalExpression.Type.values()) {
            if (type != TemporalExpression.Type.UNRECOGNIZED && type.name().equals(name)) {
                return type;
            }
        }
        return TemporalExpression.Type.TYPE_UNSPECIFIED;
    }
}
