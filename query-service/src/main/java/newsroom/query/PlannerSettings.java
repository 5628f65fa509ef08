package newsroom.query;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sets PostgreSQL planner settings for the rest of the current transaction
 * ({@code set_config(..., true)}, that is {@code SET LOCAL}), all in one
 * statement. Used where the planner's own choice was measured to be wrong for
 * a statement (docs/query-plans.md); each caller says why.
 */
public final class PlannerSettings {

    private PlannerSettings() {
    }

    /** Sets each setting to its value until the transaction ends. */
    public static void setLocal(EntityManager entityManager, Map<String, String> settings) {
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < settings.size(); i++) {
            calls.add("set_config(:name" + i + ", :value" + i + ", true)");
        }
        Query query = entityManager.createNativeQuery("SELECT " + String.join(", ", calls));
        int i = 0;
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            query.setParameter("name" + i, setting.getKey()).setParameter("value" + i, setting.getValue());
            i++;
        }
        query.getSingleResult();
    }
}
