package io.shardline.query.ast;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code SELECT fields [INTO target] FROM sources [WHERE cond] [GROUP BY dims] [fill(...)] [ORDER BY time [ASC|DESC]]
 * [LIMIT n] [OFFSET n] [SLIMIT n] [SOFFSET n] [tz('...')]}. Zero means "not given" for the limits;
 * {@code location} is null without {@code tz()}; {@code fillValue} is a Long or Double for fill(number);
 * {@code into} is null without {@code INTO}, and a target with an empty name is {@code :MEASUREMENT} (the
 * source measurement's name).
 */
public record SelectStatement(List<Field> fields, List<Measurement> sources, Expr condition,
        List<Dimension> dimensions, FillOption fill, Number fillValue, List<SortField> sortFields,
        int limit, int offset, int slimit, int soffset, String location, Measurement into) implements Statement {

    public SelectStatement {
        fields = List.copyOf(fields);
        sources = List.copyOf(sources);
        dimensions = List.copyOf(dimensions);
        sortFields = List.copyOf(sortFields);
        fill = fill == null ? FillOption.NULL : fill;
    }

    /** A statement without {@code INTO}. */
    public SelectStatement(List<Field> fields, List<Measurement> sources, Expr condition,
            List<Dimension> dimensions, FillOption fill, Number fillValue, List<SortField> sortFields,
            int limit, int offset, int slimit, int soffset, String location) {
        this(fields, sources, condition, dimensions, fill, fillValue, sortFields, limit, offset, slimit, soffset,
                location, null);
    }

    /** A copy with another {@code INTO} target (null: none). */
    public SelectStatement withInto(Measurement target) {
        return new SelectStatement(fields, sources, condition, dimensions, fill, fillValue, sortFields,
                limit, offset, slimit, soffset, location, target);
    }

    /** True when no field contains a function call (1.x {@code IsRawQuery}). */
    public boolean isRawQuery() {
        return calls().isEmpty();
    }

    /** Every call in the fields, outermost first, in field order (nested calls are not listed). */
    public List<Call> calls() {
        List<Call> out = new ArrayList<>();
        for (Field f : fields) {
            collectCalls(f.expr(), out);
        }
        return out;
    }

    private static void collectCalls(Expr e, List<Call> out) {
        if (e instanceof Call c) {
            out.add(c);
        } else if (e instanceof BinaryExpr b) {
            collectCalls(b.lhs(), out);
            collectCalls(b.rhs(), out);
        } else if (e instanceof ParenExpr p) {
            collectCalls(p.expr(), out);
        }
    }

    /** Whether results are ordered by ascending time (the default). */
    public boolean timeAscending() {
        return sortFields.isEmpty() || sortFields.get(0).ascending();
    }

    /** A copy with other fields. */
    public SelectStatement withFields(List<Field> newFields) {
        return new SelectStatement(newFields, sources, condition, dimensions, fill, fillValue, sortFields,
                limit, offset, slimit, soffset, location, into);
    }

    /** A copy with another condition. */
    public SelectStatement withCondition(Expr newCondition) {
        return new SelectStatement(fields, sources, newCondition, dimensions, fill, fillValue, sortFields,
                limit, offset, slimit, soffset, location, into);
    }

    /** A copy with other sources. */
    public SelectStatement withSources(List<Measurement> newSources) {
        return new SelectStatement(fields, newSources, condition, dimensions, fill, fillValue, sortFields,
                limit, offset, slimit, soffset, location, into);
    }

    /** A copy with other grouping, fill, ordering and series limits (how an outer query shapes a subquery). */
    public SelectStatement withGrouping(List<Dimension> newDimensions, FillOption newFill, Number newFillValue,
            List<SortField> newSortFields, int newSlimit, int newSoffset) {
        return new SelectStatement(fields, sources, condition, newDimensions, newFill, newFillValue, newSortFields,
                limit, offset, newSlimit, newSoffset, location);
    }

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        out.append("SELECT ");
        Nodes.join(out, fields, exact);
        if (into != null) {
            out.append(" INTO ");
            if (into.name().isEmpty()) {
                into.appendQualifier(out);
                out.append(":MEASUREMENT");
            } else {
                into.appendTo(out, exact);
            }
        }
        Nodes.clause(out, " FROM ", sources, exact);
        Nodes.where(out, condition, exact);
        Nodes.clause(out, " GROUP BY ", dimensions, exact);
        switch (fill) {
            case NONE -> out.append(" fill(none)");
            case NUMBER -> out.append(" fill(").append(Nodes.fillValue(fillValue, exact)).append(')');
            case LINEAR -> out.append(" fill(linear)");
            case PREVIOUS -> out.append(" fill(previous)");
            default -> { }
        }
        Nodes.clause(out, " ORDER BY ", sortFields, exact);
        Nodes.limits(out, limit, offset);
        if (slimit > 0) {
            out.append(" SLIMIT ").append(slimit);
        }
        if (soffset > 0) {
            out.append(" SOFFSET ").append(soffset);
        }
        if (location != null) {
            out.append(" TZ('").append(location).append("')");
        }
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
