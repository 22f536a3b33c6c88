package io.shardline.meta.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DatabaseInfoTest {

    private static final RetentionPolicyInfo AUTOGEN = RetentionPolicyInfo.of("autogen", 0, 1, 1);
    private static final RetentionPolicyInfo WEEK = RetentionPolicyInfo.of("week", 7, 1, 1);

    @Test
    void resolvesTheDefaultPolicyForAnEmptyName() {
        DatabaseInfo db = DatabaseInfo.empty("db").withRetentionPolicy(AUTOGEN).withRetentionPolicy(WEEK)
                .withDefaultRetentionPolicy("autogen");
        assertThat(db.defaultRetentionPolicy()).contains(AUTOGEN);
        assertThat(db.resolveRetentionPolicy("")).contains(AUTOGEN);
        assertThat(db.resolveRetentionPolicy(null)).contains(AUTOGEN);
        assertThat(db.resolveRetentionPolicy("week")).contains(WEEK);
        assertThat(db.resolveRetentionPolicy("nope")).isEmpty();
        assertThat(db.retentionPolicies().keySet()).containsExactly("autogen", "week");
    }

    @Test
    void droppingTheDefaultPolicyClearsTheDefault() {
        DatabaseInfo db = DatabaseInfo.empty("db").withRetentionPolicy(AUTOGEN).withRetentionPolicy(WEEK)
                .withDefaultRetentionPolicy("autogen");
        assertThat(db.withoutRetentionPolicy("week").defaultRetentionPolicyName()).isEqualTo("autogen");
        DatabaseInfo without = db.withoutRetentionPolicy("autogen");
        assertThat(without.defaultRetentionPolicyName()).isEmpty();
        assertThat(without.defaultRetentionPolicy()).isEmpty();
        assertThat(without.resolveRetentionPolicy("")).isEmpty();
    }

    @Test
    void rejectsInconsistentContents() {
        assertThatThrownBy(() -> new DatabaseInfo("db", "missing", new TreeMap<>()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DatabaseInfo("db", "", new TreeMap<>(Map.of("other", AUTOGEN))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isImmutable() {
        TreeMap<String, RetentionPolicyInfo> policies = new TreeMap<>(Map.of("autogen", AUTOGEN));
        DatabaseInfo db = new DatabaseInfo("db", "", policies);
        policies.put("week", WEEK);
        assertThat(db.retentionPolicies()).containsOnlyKeys("autogen");
        assertThatThrownBy(() -> db.retentionPolicies().put("week", WEEK))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
