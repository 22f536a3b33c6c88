package io.shardline.query.eval;

import io.shardline.query.ast.Call;
import io.shardline.query.ast.VarRef;

/** Supplies the values an expression refers to (1.x's {@code Valuer}); null means "no value". */
public interface Valuer {

    /** The value of a field or tag reference. */
    Object value(VarRef ref);

    /** The value of a call (an aggregate already computed for this row); null by default. */
    default Object call(Call call) {
        return null;
    }
}
