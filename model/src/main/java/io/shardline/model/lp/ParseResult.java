package io.shardline.model.lp;

import io.shardline.model.Point;
import java.util.List;

/**
 * The outcome of parsing a whole body: the good points and one error message per bad line, both in
 * input order. Immutable.
 */
public record ParseResult(List<Point> points, List<String> errors) {

    public ParseResult {
        points = List.copyOf(points);
        errors = List.copyOf(errors);
    }

    /** True when at least one line failed. */
    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The errors joined by {@code \n}, as 1.x's parser returns them (empty when none). */
    public String errorText() {
        return String.join("\n", errors);
    }
}
