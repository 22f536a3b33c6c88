package io.shardline.model.lp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shardline.model.Precision;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Loads {@code lp-vectors.tsv} (produced by the real 1.8 parser) from the test class path. */
final class LpVectors {

    /** One row; {@code input} is the body, JSON cells are decoded. */
    record Vector(int row, String input, Precision precision, boolean ok, String canonical, JsonNode points,
            String error, String source, String notes) {

        byte[] body() {
            return input.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "row " + row + " " + (input.length() > 60 ? input.substring(0, 60) + "…" : input);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private LpVectors() {
    }

    static List<Vector> load() {
        try (InputStream in = LpVectors.class.getResourceAsStream("/lp-vectors.tsv")) {
            if (in == null) {
                throw new IllegalStateException("lp-vectors.tsv missing from test resources");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Vector> out = new ArrayList<>();
            String header = r.readLine();
            if (!header.startsWith("input\tprecision\texpect")) {
                throw new IllegalStateException("unexpected header " + header);
            }
            String line;
            int row = 1;
            while ((line = r.readLine()) != null) {
                row++;
                if (!line.isEmpty()) {
                    out.add(parse(row, line));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Vector parse(int row, String line) throws IOException {
        String[] c = line.split("\t", -1);
        Precision p = Precision.fromParam(c[1]).orElseThrow();
        boolean ok = c[2].equals("ok");
        return new Vector(row, JSON.readValue(c[0], String.class), p, ok,
                c[3].isEmpty() ? null : JSON.readValue(c[3], String.class),
                c[4].isEmpty() ? null : JSON.readTree(c[4]),
                c[5].isEmpty() ? null : JSON.readValue(c[5], String.class), c[6], c[7]);
    }
}
