package newsroom.query;

import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conditions of a native query's WHERE, each with its bound parameters.
 * Conditions are fixed SQL written in this service; every value a client sent
 * is a bound parameter, never spliced into the SQL.
 */
public final class WhereClause {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** Adds a condition that has no parameter of its own. */
    public WhereClause add(String condition) {
        conditions.add(condition);
        return this;
    }

    /** Adds a condition with its one named parameter. */
    public WhereClause add(String condition, String parameter, Object value) {
        conditions.add(condition);
        parameters.put(parameter, value);
        return this;
    }

    /** The conditions joined with AND; {@code TRUE} when there is none. */
    public String sql() {
        return conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions);
    }

    /** The conditions' parameters, by name. */
    public Map<String, Object> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    /** Binds the conditions' parameters to {@code query}. */
    public Query bind(Query query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
