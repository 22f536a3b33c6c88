package io.shardline.datanode.rpc;

import io.shardline.common.error.ShardlineException;
import io.shardline.datanode.query.SchemaAnswer;
import io.shardline.datanode.query.SchemaQuestion;
import io.shardline.model.FieldType;
import io.shardline.model.SeriesKey;
import io.shardline.proto.datanode.MeasurementDescription;
import io.shardline.proto.datanode.SchemaQuestionKind;
import io.shardline.proto.datanode.SeriesKeyMessage;
import io.shardline.proto.datanode.ShardSchemaRequest;
import io.shardline.proto.datanode.ShardSchemaResponse;
import io.shardline.proto.datanode.TagValuesMessage;
import io.shardline.query.ast.Expr;
import io.shardline.query.parse.InfluxQLParser;
import io.shardline.query.parse.ParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Converts schema questions and answers to and from their protobuf messages; conditions travel as exact
 * InfluxQL text. Stateless.
 */
final class SchemaMessages {

    private SchemaMessages() {
    }

    static ShardSchemaRequest request(SchemaQuestion q) {
        return ShardSchemaRequest.newBuilder().addAllShardIds(q.shardIds())
                .setKind(SchemaQuestionKind.forNumber(q.kind().ordinal() + 1)).addAllMeasurements(q.measurements())
                .setCondition(q.condition() == null ? "" : q.condition().toExactString()).addAllTagKeys(q.tagKeys())
                .build();
    }

    static SchemaQuestion question(ShardSchemaRequest r) {
        if (r.getKindValue() < 1 || r.getKindValue() > SchemaQuestion.Kind.values().length) {
            throw ShardlineException.invalid("unknown schema question kind " + r.getKindValue());
        }
        Expr condition;
        try {
            condition = r.getCondition().isEmpty() ? null : InfluxQLParser.parseExpr(r.getCondition());
        } catch (ParseException e) {
            throw ShardlineException.invalid("malformed schema condition: " + e.getMessage());
        }
        return new SchemaQuestion(SchemaQuestion.Kind.values()[r.getKindValue() - 1], r.getShardIdsList(),
                r.getMeasurementsList(), condition, r.getTagKeysList());
    }

    static ShardSchemaResponse response(SchemaAnswer a) {
        ShardSchemaResponse.Builder b = ShardSchemaResponse.newBuilder().addAllNames(a.names());
        a.descriptions().forEach((name, d) -> {
            Map<String, String> types = new HashMap<>();
            d.fields().forEach((k, t) -> types.put(k, t.influxName()));
            b.addDescriptions(MeasurementDescription.newBuilder().setName(name).putAllFieldTypes(types)
                    .addAllTagKeys(d.tagKeys()));
        });
        for (SeriesKey k : a.series()) {
            SeriesKeyMessage.Builder s = SeriesKeyMessage.newBuilder().setMeasurement(k.measurement());
            for (int i = 0; i < k.tagCount(); i++) {
                s.addTagKeys(k.tagKey(i)).addTagValues(k.tagValue(i));
            }
            b.addSeries(s);
        }
        a.tagValues().forEach((k, vs) -> b.addTagValues(TagValuesMessage.newBuilder().setKey(k).addAllValues(vs)));
        return b.build();
    }

    static SchemaAnswer answer(ShardSchemaResponse r) {
        SchemaAnswer a = SchemaAnswer.empty();
        a.names().addAll(r.getNamesList());
        for (MeasurementDescription d : r.getDescriptionsList()) {
            Map<String, FieldType> types = new HashMap<>();
            d.getFieldTypesMap().forEach((k, t) -> types.put(k, FieldType.fromInfluxName(t).orElseThrow(() ->
                    new IllegalArgumentException("unknown field type " + t))));
            a.describe(d.getName(), types, d.getTagKeysList());
        }
        for (SeriesKeyMessage s : r.getSeriesList()) {
            a.series().add(SeriesKey.of(s.getMeasurement(), s.getTagKeysList().toArray(String[]::new),
                    s.getTagValuesList().toArray(String[]::new)));
        }
        r.getTagValuesList().forEach(t -> a.addTagValues(t.getKey(), t.getValuesList()));
        return a;
    }
}
