package io.shardline.datanode.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The golden scenario table ({@code golden-queries.txt} next to this class): the line protocol written to each
 * database, then scenarios in order, each a query with its database and the exact JSON InfluxDB answers. The
 * same file is run by the in-JVM cluster tests ({@code testkit}) and the multi-process e2e test.
 */
record GoldenScenarios(List<String> databases, List<String> data, List<Scenario> scenarios) {

    /** One query and its exact expected body (without the trailing newline). */
    record Scenario(String name, String database, String query, String expect) {

        /** Whether the scenario changes data (it must then run once, in order). */
        boolean writes() {
            String q = query.trim().toUpperCase(java.util.Locale.ROOT);
            return q.startsWith("DELETE") || q.startsWith("DROP");
        }
    }

    static GoldenScenarios load() {
        try (InputStream in = GoldenScenarios.class.getResourceAsStream("golden-queries.txt")) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GoldenScenarios parse(String text) {
        List<String> databases = new ArrayList<>();
        List<String> data = new ArrayList<>();
        List<Scenario> scenarios = new ArrayList<>();
        String name = null;
        String db = null;
        String q = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("@databases ")) {
                databases.addAll(List.of(line.substring(11).trim().split(" ")));
            } else if (line.startsWith("@data ")) {
                data.add(line.substring(6));
            } else if (line.startsWith("--- ")) {
                name = line.substring(4);
            } else if (line.startsWith("db:")) {
                db = line.substring(3).trim();
            } else if (line.startsWith("q: ")) {
                q = line.substring(3);
            } else if (line.startsWith("expect: ")) {
                scenarios.add(new Scenario(name, db, q, line.substring(8)));
            }
        }
        return new GoldenScenarios(databases, data, scenarios);
    }

    /** The data as one line-protocol body. */
    String body() {
        return String.join("\n", data) + "\n";
    }

    /** The scenarios before the first one that changes data (they can run any number of times). */
    List<Scenario> readOnly() {
        List<Scenario> out = new ArrayList<>();
        for (Scenario s : scenarios) {
            if (s.writes()) {
                break;
            }
            out.add(s);
        }
        return out;
    }
}
