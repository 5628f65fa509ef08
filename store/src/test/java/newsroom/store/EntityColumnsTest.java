package newsroom.store;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import newsroom.localpostgres.DatabaseRole;
import newsroom.localpostgres.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every entity of the store maps every column of its table as of the latest migration, and no
 * column the table lacks (docs/architecture.md, "How the services use the store"): a migration
 * that adds a column fails this test until the table's entity maps it.
 */
class EntityColumnsTest {

    private static final String TABLE_COLUMNS = """
            SELECT column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = ?""";

    @Test
    void everyEntityMapsEveryColumnOfItsTable() throws Exception {
        List<Class<?>> entities = entityClasses();
        // The scan below found the entities at all: these two are the store's oldest and newest.
        assertTrue(entities.contains(StoredArticle.class) && entities.contains(StoredReanalysisJob.class),
                "entities found: " + entities);
        try (LocalPostgres postgres = StoreMigrations.startMigrated(null)) {
            List<Executable> checks = new ArrayList<>();
            try (Connection connection = postgres.connect(DatabaseRole.OWNER)) {
                for (Class<?> entity : entities) {
                    String table = entity.getAnnotation(Table.class).name();
                    Set<String> columns = tableColumns(connection, table);
                    Set<String> mapped = mappedColumns(entity);
                    checks.add(() -> assertFalse(columns.isEmpty(), entity.getSimpleName() + "'s table " + table
                            + " does not exist"));
                    checks.add(() -> assertEquals(Set.of(), difference(columns, mapped), "columns of " + table
                            + " that " + entity.getSimpleName() + " does not map"));
                    checks.add(() -> assertEquals(Set.of(), difference(mapped, columns), "columns "
                            + entity.getSimpleName() + " maps that " + table + " does not have"));
                }
            }
            assertAll(checks);
        }
    }

    /** The {@code @Entity} classes of this package, as compiled next to {@link StoredArticle}. */
    private static List<Class<?>> entityClasses() throws URISyntaxException, ClassNotFoundException, IOException {
        // The directory of StoredArticle's own class file: the package's name alone would also
        // find the test classes' directory of the same package.
        Path directory = Path.of(StoredArticle.class.getResource("StoredArticle.class").toURI()).getParent();
        List<Class<?>> entities = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") && !name.contains("$")) {
                    Class<?> type = Class.forName(StoredArticle.class.getPackageName() + "."
                            + name.substring(0, name.length() - ".class".length()));
                    if (type.isAnnotationPresent(Entity.class)) {
                        entities.add(type);
                    }
                }
            }
        }
        return entities;
    }

    /** The columns the entity's persistent fields map, an embedded id's fields included. */
    private static Set<String> mappedColumns(Class<?> entity) {
        Set<String> columns = new TreeSet<>();
        for (Field field : persistentFields(entity)) {
            if (field.isAnnotationPresent(EmbeddedId.class)) {
                persistentFields(field.getType()).forEach(part -> columns.add(columnOf(part)));
            } else {
                columns.add(columnOf(field));
            }
        }
        return columns;
    }

    /** The type's own persistent fields and those of the mapped superclasses it extends. */
    private static List<Field> persistentFields(Class<?> type) {
        return Stream.<Class<?>>iterate(type, Objects::nonNull, Class::getSuperclass)
                .takeWhile(level -> level == type || level.isAnnotationPresent(MappedSuperclass.class))
                .flatMap(level -> Stream.of(level.getDeclaredFields()))
                .filter(field -> !Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())
                        && !field.isAnnotationPresent(Transient.class))
                .toList();
    }

    /**
     * The field's {@code @Column} name, else its own name. A field named in camel case must name
     * its column: what an unnamed one maps to would depend on Hibernate's naming strategy.
     */
    private static String columnOf(Field field) {
        Column column = field.getAnnotation(Column.class);
        if (column != null && !column.name().isEmpty()) {
            return column.name();
        }
        String name = field.getName();
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            throw new AssertionError(field.getDeclaringClass().getSimpleName() + "." + name
                    + " must name its column with @Column(name = ...)");
        }
        return name;
    }

    private static Set<String> tableColumns(Connection connection, String table) throws SQLException {
        Set<String> columns = new TreeSet<>();
        try (PreparedStatement statement = connection.prepareStatement(TABLE_COLUMNS)) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    private static Set<String> difference(Set<String> these, Set<String> without) {
        Set<String> left = new TreeSet<>(these);
        left.removeAll(without);
        return left;
    }
}
