package newsroom.query.http;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One method of a service as the JSON API serves it: its google.api.http rule's GET path, and,
 * for a list (AIP-158: a request with {@code page_token}, a response with {@code next_page_token}),
 * the repeated field that holds the list's items.
 *
 * @param method   the gRPC method
 * @param path     the rule's path template
 * @param items    the response's list of items, its first repeated message field; empty for a
 *                 method that is not a list
 */
record ApiMethod(MethodDescriptor method, PathTemplate path, Optional<FieldDescriptor> items) {

    static final String PAGE_SIZE = "page_size";
    static final String PAGE_TOKEN = "page_token";
    static final String NEXT_PAGE_TOKEN = "next_page_token";

    /** The methods of {@code service} that have a google.api.http rule, in the order the service declares them. */
    static List<ApiMethod> of(ServiceDescriptor service) {
        List<ApiMethod> methods = new ArrayList<>();
        for (MethodDescriptor method : service.getMethods()) {
            if (!method.getOptions().hasExtension(AnnotationsProto.http)) {
                continue;
            }
            HttpRule rule = method.getOptions().getExtension(AnnotationsProto.http);
            if (rule.getPatternCase() != HttpRule.PatternCase.GET || rule.getAdditionalBindingsCount() > 0
                    || method.isClientStreaming() || method.isServerStreaming()) {
                throw new IllegalStateException(method.getFullName() + ": only single GET rules of unary methods are"
                        + " served over HTTP, not " + rule.getPatternCase());
            }
            PathTemplate path = PathTemplate.parse(rule.getGet());
            for (String variable : path.variables()) {
                if (method.getInputType().findFieldByName(variable) == null) {
                    throw new IllegalStateException(method.getFullName() + ": the path " + path.text()
                            + " names {" + variable + "}, which is no field of " + method.getInputType().getName());
                }
            }
            methods.add(new ApiMethod(method, path, items(method)));
        }
        return List.copyOf(methods);
    }

    private static Optional<FieldDescriptor> items(MethodDescriptor method) {
        Descriptor response = method.getOutputType();
        if (method.getInputType().findFieldByName(PAGE_TOKEN) == null || response.findFieldByName(NEXT_PAGE_TOKEN) == null) {
            return Optional.empty();
        }
        return response.getFields().stream()
                .filter(field -> field.isRepeated() && field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                        && !field.isMapField())
                .findFirst();
    }

    /** "newsroom.query.v1.QueryService/GetArticle", as access control names methods. */
    String fullName() {
        return method.getService().getFullName() + "/" + method.getName();
    }

    boolean isList() {
        return items.isPresent();
    }
}
