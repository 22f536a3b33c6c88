package io.shardline.query.ast;

import java.util.regex.Pattern;

/**
 * A {@code /regex/} literal: the source text as written (with {@code \/} unescaped) and its compiled Java
 * pattern. Equality is by source. Matching is unanchored, like Go's {@code MatchString}.
 */
public record RegexLiteral(String source, Pattern pattern) implements Expr {

    /** Whether {@code s} contains a match. */
    public boolean matches(String s) {
        return pattern.matcher(s).find();
    }

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append('/').append(source.replace("/", "\\/")).append('/');
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegexLiteral r && r.source.equals(source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
