package newsroom.query.http;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import newsroom.query.grpc.QueryCalls;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The JSON API's OpenAPI document (/q/openapi), made at start from the same google.api.http
 * rules and message descriptors that {@link JsonApi} serves, so the two cannot disagree: one
 * path per rule, its parameters with their types, the response message as the 200 schema
 * (the proto3 JSON mapping: lowerCamelCase names, 64-bit integers as strings, timestamps as
 * RFC 3339, enums by name), and {@code google.rpc.Status} for errors.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ApiDocument implements OASFilter {

    private static final String STATUS = "google.rpc.Status";
    private static final Map<String, String> ERRORS = Map.of(
            "400", "INVALID_ARGUMENT: a parameter the API cannot take, named in the message",
            "401", "UNAUTHENTICATED: no API key, or one the service does not know",
            "403", "PERMISSION_DENIED: the key lacks the reader role",
            "404", "NOT_FOUND: no such path, or no such item",
            "429", "RESOURCE_EXHAUSTED: this key's fair share of the service is in use",
            "500", "INTERNAL",
            "503", "UNAVAILABLE: the store cannot be reached; retry later",
            "504", "DEADLINE_EXCEEDED: the query ran past its time; narrow it");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.info(OASFactory.createInfo().title("Newsroom query API").version("v1")
                .description("QueryService (proto/newsroom/query/v1/query_service.proto) as JSON over HTTP; docs/api.md."));
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.components(components);
        components.addSecurityScheme("bearer", OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").description("An API key with the reader role: `newsroom credentials issue --role reader`"));
        components.addSecurityScheme("console-session", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE).name(SessionCallers.COOKIE)
                .description("The console's session, when no Authorization header is sent"));
        components.addSchema(STATUS, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .description("The gRPC code (google.rpc.Code): 3 INVALID_ARGUMENT, 5 NOT_FOUND, 16 UNAUTHENTICATED, ..."))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("details", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT))));
        if (openAPI.getPaths() == null) {
            openAPI.paths(OASFactory.createPaths());
        }
        Deque<Descriptor> pending = new ArrayDeque<>();
        for (ApiMethod method : ApiMethod.of(QueryCalls.descriptor())) {
            openAPI.getPaths().addPathItem(method.path().text(), OASFactory.createPathItem().GET(operation(method)));
            pending.add(method.method().getOutputType());
        }
        Map<String, Schema> schemas = new TreeMap<>();
        while (!pending.isEmpty()) {
            Descriptor message = pending.pop();
            if (schemas.containsKey(message.getFullName())) {
                continue;
            }
            Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
            schemas.put(message.getFullName(), schema);
            for (FieldDescriptor field : message.getFields()) {
                schema.addProperty(field.getJsonName(), fieldSchema(field, pending));
            }
        }
        schemas.forEach(components::addSchema);
    }

    private static Operation operation(ApiMethod method) {
        Operation operation = OASFactory.createOperation().operationId(method.method().getName())
                .summary(method.method().getFullName())
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer"))
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("console-session"));
        Descriptor request = method.method().getInputType();
        List<String> variables = method.path().variables();
        for (String variable : variables) {
            operation.addParameter(parameter(variable, Parameter.In.PATH, request.findFieldByName(variable)).required(true));
        }
        for (FieldDescriptor field : request.getFields()) {
            if (!variables.contains(field.getName()) && bindable(field)) {
                operation.addParameter(parameter(field.getName(), Parameter.In.QUERY, field));
            }
        }
        RequestBinder.ALIASES.keySet().stream().sorted().forEach(alias -> {
            List<FieldDescriptor> field = RequestBinder.fieldPath(request, alias);
            if (!field.isEmpty()) {
                operation.addParameter(parameter(alias, Parameter.In.QUERY, field.get(0))
                        .description("Alias of " + field.get(0).getName()));
            }
        });
        Content ok = OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType()
                .schema(reference(method.method().getOutputType().getFullName())));
        if (method.isList()) {
            operation.addParameter(OASFactory.createParameter().name("format").in(Parameter.In.QUERY)
                    .description("json (the default) or csv: every item of the list, all pages, with a header row;"
                            + " limit then caps the rows")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(List.of("json", "csv"))));
            ok.addMediaType("text/csv", OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
        APIResponses responses = OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse()
                        .description(method.method().getOutputType().getName()).content(ok));
        new TreeMap<>(ERRORS).forEach((code, description) -> responses.addAPIResponse(code, OASFactory
                .createAPIResponse().description(description).content(OASFactory.createContent()
                        .addMediaType("application/json", OASFactory.createMediaType().schema(reference(STATUS))))));
        return operation.responses(responses);
    }

    private static boolean bindable(FieldDescriptor field) {
        return field.getJavaType() != FieldDescriptor.JavaType.MESSAGE || RequestBinder.isTimestamp(field);
    }

    private static Parameter parameter(String name, Parameter.In in, FieldDescriptor field) {
        Schema schema = scalarSchema(field, null);
        if (field.isRepeated()) {
            schema = OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(schema);
        }
        return OASFactory.createParameter().name(name).in(in).schema(schema);
    }

    private static Schema fieldSchema(FieldDescriptor field, Deque<Descriptor> pending) {
        if (field.isMapField()) {
            FieldDescriptor value = field.getMessageType().findFieldByName("value");
            return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                    .additionalPropertiesSchema(scalarSchema(value, pending));
        }
        Schema schema = scalarSchema(field, pending);
        return field.isRepeated() ? OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(schema) : schema;
    }

    /** The JSON type of one value of the field, as the proto3 JSON mapping writes it. */
    private static Schema scalarSchema(FieldDescriptor field, Deque<Descriptor> pending) {
        Schema schema = OASFactory.createSchema();
        return switch (field.getJavaType()) {
            case INT -> schema.addType(Schema.SchemaType.INTEGER).format("int32");
            case LONG -> schema.addType(Schema.SchemaType.STRING).format("int64");
            case FLOAT, DOUBLE -> schema.addType(Schema.SchemaType.NUMBER);
            case BOOLEAN -> schema.addType(Schema.SchemaType.BOOLEAN);
            case STRING -> schema.addType(Schema.SchemaType.STRING);
            case BYTE_STRING -> schema.addType(Schema.SchemaType.STRING).format("byte");
            case ENUM -> schema.addType(Schema.SchemaType.STRING).enumeration(field.getEnumType().getValues().stream()
                    .map(EnumValueDescriptor::getName).map(Object.class::cast).toList());
            case MESSAGE -> {
                if (RequestBinder.isTimestamp(field)) {
                    yield schema.addType(Schema.SchemaType.STRING).format("date-time");
                }
                if (pending != null) {
                    pending.add(field.getMessageType());
                }
                yield reference(field.getMessageType().getFullName());
            }
        };
    }

    private static Schema reference(String name) {
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }
}
