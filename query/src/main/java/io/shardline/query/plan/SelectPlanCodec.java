package io.shardline.query.plan;

import io.shardline.query.ast.Call;
import io.shardline.query.ast.Expr;
import io.shardline.query.ast.Field;
import io.shardline.query.ast.FillOption;
import io.shardline.query.ast.VarRef;
import io.shardline.query.eval.TimeRange;
import io.shardline.query.parse.InfluxQLParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary form of a {@link SelectPlan} for sending it to the shard owners; expressions travel as their exact
 * InfluxQL text ({@code toExactString}) and are parsed back. Stateless.
 *
 * <pre>
 * plan := version:u8(=1) measurements:strs min:i64 max:i64 hasInterval:bool [duration:i64 offset:i64]
 *         groupBy:strs tagPredicate:str rowFilter:str columns:strs n:i32 (expr:str alias:str)*n
 *         calls:strs aux:strs pointTime:bool fill:u8 fillKind:u8 [fill:i64|f64] ascending:bool
 *         limit:i32 offset:i32 slimit:i32 soffset:i32
 * str  := len:i32 utf8 (empty = null expression);  strs := n:i32 str*n
 * </pre>
 */
public final class SelectPlanCodec {

    private SelectPlanCodec() {
    }

    /** Encodes a plan. */
    public static byte[] encode(SelectPlan p) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            strs(out, p.measurements());
            out.writeLong(p.timeRange().min());
            out.writeLong(p.timeRange().max());
            out.writeBoolean(p.interval() != null);
            if (p.interval() != null) {
                out.writeLong(p.interval().duration());
                out.writeLong(p.interval().offset());
                str(out, p.interval().zone() == null ? "" : p.interval().zone().getId()); // "" = UTC
            }
            strs(out, p.groupByTags());
            str(out, text(p.tagPredicate()));
            str(out, text(p.rowFilter()));
            strs(out, p.columns());
            out.writeInt(p.fields().size());
            for (Field f : p.fields()) {
                str(out, text(f.expr()));
                str(out, f.hasAlias() ? f.alias() : "");
            }
            strs(out, p.calls().stream().map(c -> text(c.call())).toList());
            strs(out, p.auxRefs().stream().map(SelectPlanCodec::text).toList());
            out.writeBoolean(p.pointTime());
            writeTail(out, p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeTail(DataOutputStream out, SelectPlan p) throws IOException {
        out.writeByte(p.fill().ordinal());
        if (p.fillValue() instanceof Double d) {
            out.writeByte(2);
            out.writeDouble(d);
        } else if (p.fillValue() != null) {
            out.writeByte(1);
            out.writeLong(p.fillValue().longValue());
        } else {
            out.writeByte(0);
        }
        out.writeBoolean(p.ascending());
        out.writeInt(p.limit());
        out.writeInt(p.offset());
        out.writeInt(p.slimit());
        out.writeInt(p.soffset());
    }

    /**
     * Decodes a plan.
     *
     * @throws IllegalArgumentException on malformed input
     */
    public static SelectPlan decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readUnsignedByte() != 1) {
                throw new IllegalArgumentException("unknown plan version");
            }
            List<String> measurements = strs(in);
            TimeRange range = new TimeRange(in.readLong(), in.readLong());
            Interval interval = in.readBoolean() ? interval(in.readLong(), in.readLong(), str(in)) : null;
            List<String> groupBy = strs(in);
            Expr tagPredicate = expr(str(in));
            Expr rowFilter = expr(str(in));
            List<String> columns = strs(in);
            int n = count(in);
            List<Field> fields = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Expr e = expr(str(in));
                String alias = str(in);
                fields.add(new Field(e, alias.isEmpty() ? null : alias));
            }
            List<Call> callExprs = strs(in).stream().map(s -> (Call) expr(s)).toList();
            List<VarRef> aux = strs(in).stream().map(s -> (VarRef) expr(s)).toList();
            List<AggregateCall> calls = callExprs.stream().map(c -> CallResolver.resolve(c, aux)).toList();
            boolean pointTime = in.readBoolean();
            FillOption fill = FillOption.values()[in.readUnsignedByte()];
            int kind = in.readUnsignedByte();
            Number fillValue = kind == 2 ? (Number) in.readDouble() : kind == 1 ? (Number) in.readLong() : null;
            return new SelectPlan(measurements, range, interval, groupBy, tagPredicate, rowFilter, columns, fields,
                    calls, aux, pointTime, fill, fillValue, in.readBoolean(), in.readInt(), in.readInt(),
                    in.readInt(), in.readInt(), Transforms.NONE);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("malformed select plan", e);
        }
    }

    private static String text(Expr e) {
        return e == null ? "" : e.toExactString();
    }

    private static Expr expr(String s) {
        return s.isEmpty() ? null : InfluxQLParser.parseExpr(s);
    }

    private static Interval interval(long duration, long offset, String zone) {
        return new Interval(duration, offset, zone.isEmpty() ? null : java.time.ZoneId.of(zone));
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String str(DataInputStream in) throws IOException {
        return new String(in.readNBytes(count(in)), StandardCharsets.UTF_8);
    }

    /** A length or count read from the wire: every item takes at least one byte, so more than what is left is corrupt. */
    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("bad count " + n);
        }
        return n;
    }

    private static void strs(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            str(out, s);
        }
    }

    private static List<String> strs(DataInputStream in) throws IOException {
        int n = count(in);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(str(in));
        }
        return out;
    }
}
