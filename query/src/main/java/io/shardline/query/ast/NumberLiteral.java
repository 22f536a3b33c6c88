package io.shardline.query.ast;

import io.shardline.model.GoFloat;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** A float literal. 1.x prints it with three decimals ({@code 1.500}); the exact form is lossless. */
public record NumberLiteral(double value) implements Expr {

    @Override
    public void appendTo(StringBuilder out, boolean exact) {
        if (exact) {
            String s = GoFloat.formatF(value);
            out.append(s);
            if (s.indexOf('.') < 0) {
                out.append(".0");
            }
            return;
        }
        BigDecimal rounded = new BigDecimal(value).setScale(3, RoundingMode.HALF_EVEN);
        if (Double.doubleToRawLongBits(value) < 0 && rounded.signum() == 0) {
            out.append('-');
        }
        out.append(rounded.toPlainString());
    }

    @Override
    public String toString() {
        return Node.render(this);
    }
}
