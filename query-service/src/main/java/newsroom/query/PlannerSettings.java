package newsroom.query;

import jakarta.persistence.EntityManager;

/**
 * Sets a PostgreSQL planner setting for the rest of the current transaction
 * ({@code set_config(..., true)}, that is {@code SET LOCAL}). Used where the
 * planner's default choice was measured to be wrong for a statement
 * (docs/query-plans.md); each caller says why.
 */
public final class PlannerSettings {

    private PlannerSettings() {
    }

    /** Sets {@code name} to {@code value} until the transaction ends. */
    public static void setLocal(EntityManager entityManager, String name, String value) {
        entityManager.createNativeQuery("SELECT set_config(:name, :value, true)")
                .setParameter("name", name)
                .setParameter("value", value)
                .getSingleResult();
    }
}
