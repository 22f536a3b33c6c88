package io.shardline.meta.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A database, its retention policies, keyed (and iterated) by name, and its continuous queries in creation
 * order. The default flag lives here, as the name of the default policy; {@code ""} means the database has
 * no default policy, otherwise the named policy exists.
 */
public record DatabaseInfo(String name, String defaultRetentionPolicyName,
                           SortedMap<String, RetentionPolicyInfo> retentionPolicies,
                           List<ContinuousQueryInfo> continuousQueries) {

    /** A database without continuous queries. */
    public DatabaseInfo(String name, String defaultRetentionPolicyName,
                        SortedMap<String, RetentionPolicyInfo> retentionPolicies) {
        this(name, defaultRetentionPolicyName, retentionPolicies, List.of());
    }

    public DatabaseInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultRetentionPolicyName, "defaultRetentionPolicyName");
        TreeMap<String, RetentionPolicyInfo> copy = new TreeMap<>(retentionPolicies);
        for (Map.Entry<String, RetentionPolicyInfo> entry : copy.entrySet()) {
            if (!entry.getKey().equals(entry.getValue().name())) {
                throw new IllegalArgumentException("retention policy " + entry.getValue().name()
                        + " filed under key " + entry.getKey());
            }
        }
        if (!defaultRetentionPolicyName.isEmpty() && !copy.containsKey(defaultRetentionPolicyName)) {
            throw new IllegalArgumentException("default retention policy " + defaultRetentionPolicyName
                    + " does not exist in database " + name);
        }
        retentionPolicies = Collections.unmodifiableSortedMap(copy);
        continuousQueries = List.copyOf(continuousQueries);
    }

    /** A database without retention policies. */
    public static DatabaseInfo empty(String name) {
        return new DatabaseInfo(name, "", new TreeMap<>());
    }

    /** The policy with exactly this name. */
    public Optional<RetentionPolicyInfo> retentionPolicy(String policyName) {
        return Optional.ofNullable(retentionPolicies.get(policyName));
    }

    /** The default policy, if the database has one. */
    public Optional<RetentionPolicyInfo> defaultRetentionPolicy() {
        return defaultRetentionPolicyName.isEmpty()
                ? Optional.empty()
                : retentionPolicy(defaultRetentionPolicyName);
    }

    /** The policy a write or query names, where {@code null} or {@code ""} means the default one. */
    public Optional<RetentionPolicyInfo> resolveRetentionPolicy(String policyNameOrEmpty) {
        return policyNameOrEmpty == null || policyNameOrEmpty.isEmpty()
                ? defaultRetentionPolicy()
                : retentionPolicy(policyNameOrEmpty);
    }

    /** This database with {@code policy} added or replacing the policy of the same name. */
    public DatabaseInfo withRetentionPolicy(RetentionPolicyInfo policy) {
        TreeMap<String, RetentionPolicyInfo> next = new TreeMap<>(retentionPolicies);
        next.put(policy.name(), policy);
        return new DatabaseInfo(name, defaultRetentionPolicyName, next, continuousQueries);
    }

    /** This database without the named policy; clears the default if it was the default. */
    public DatabaseInfo withoutRetentionPolicy(String policyName) {
        TreeMap<String, RetentionPolicyInfo> next = new TreeMap<>(retentionPolicies);
        next.remove(policyName);
        String defaultName = policyName.equals(defaultRetentionPolicyName) ? "" : defaultRetentionPolicyName;
        return new DatabaseInfo(name, defaultName, next, continuousQueries);
    }

    /** This database with the named (existing) policy as default, or no default for {@code ""}. */
    public DatabaseInfo withDefaultRetentionPolicy(String policyName) {
        return new DatabaseInfo(name, policyName, retentionPolicies, continuousQueries);
    }

    /** The continuous query with exactly this name. */
    public Optional<ContinuousQueryInfo> continuousQuery(String queryName) {
        return continuousQueries.stream().filter(q -> q.name().equals(queryName)).findFirst();
    }

    /** This database with {@code query} replacing the query of the same name in place, or appended. */
    public DatabaseInfo withContinuousQuery(ContinuousQueryInfo query) {
        List<ContinuousQueryInfo> next = new ArrayList<>(continuousQueries);
        int at = next.indexOf(continuousQuery(query.name()).orElse(null));
        if (at < 0) {
            next.add(query);
        } else {
            next.set(at, query);
        }
        return new DatabaseInfo(name, defaultRetentionPolicyName, retentionPolicies, next);
    }

    /** This database without the named continuous query. */
    public DatabaseInfo withoutContinuousQuery(String queryName) {
        return new DatabaseInfo(name, defaultRetentionPolicyName, retentionPolicies,
                continuousQueries.stream().filter(q -> !q.name().equals(queryName)).toList());
    }
}
