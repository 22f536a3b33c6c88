package io.shardline.datanode.http;

import io.shardline.common.stats.Statistic;
import io.shardline.common.stats.StatsRegistry;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The {@code httpd} statistic of one HTTP bind address with 1.x's field names, and the
 * {@code queryExecutor} statistic. Counters are held as {@link LongAdder}s so a request costs a few
 * uncontended adds. {@code promReadReq}/{@code promWriteReq} stay 0 (no Prometheus remote
 * read/write endpoints); {@code authFail} is counted by authentication. Thread-safe.
 */
public final class HttpdStats {

    final LongAdder req;
    final LongAdder reqActive = new LongAdder();
    final LongAdder reqDurationNs;
    final LongAdder clientError;
    final LongAdder serverError;
    final LongAdder recoveredPanics;
    final LongAdder pingReq;
    final LongAdder statusReq;
    final LongAdder writeReq;
    final LongAdder writeReqActive = new LongAdder();
    final LongAdder writeReqBytes;
    final LongAdder writeReqDurationNs;
    final LongAdder queryReq;
    final LongAdder queryReqDurationNs;
    final LongAdder queryRespBytes;
    final LongAdder pointsWrittenOk;
    final LongAdder pointsWrittenDropped;
    final LongAdder pointsWrittenFail;
    final LongAdder queriesActive = new LongAdder();
    final LongAdder queriesExecuted;
    final LongAdder queriesFinished;
    final LongAdder queryDurationNs;

    public HttpdStats(StatsRegistry registry, String bind) {
        Statistic s = registry.statistic("httpd", Map.of("bind", bind));
        req = s.counter("req");
        reqDurationNs = s.counter("reqDurationNs");
        clientError = s.counter("clientError");
        serverError = s.counter("serverError");
        recoveredPanics = s.counter("recoveredPanics");
        pingReq = s.counter("pingReq");
        statusReq = s.counter("statusReq");
        writeReq = s.counter("writeReq");
        writeReqBytes = s.counter("writeReqBytes");
        writeReqDurationNs = s.counter("writeReqDurationNs");
        queryReq = s.counter("queryReq");
        queryReqDurationNs = s.counter("queryReqDurationNs");
        queryRespBytes = s.counter("queryRespBytes");
        pointsWrittenOk = s.counter("pointsWrittenOK");
        pointsWrittenDropped = s.counter("pointsWrittenDropped");
        pointsWrittenFail = s.counter("pointsWrittenFail");
        s.counter("authFail");
        s.counter("promReadReq");
        s.counter("promWriteReq");
        s.gauge("reqActive", reqActive::sum).gauge("writeReqActive", writeReqActive::sum);
        Statistic q = registry.statistic("queryExecutor");
        queriesExecuted = q.counter("queriesExecuted");
        queriesFinished = q.counter("queriesFinished");
        queryDurationNs = q.counter("queryDurationNs");
        q.counter("recoveredPanics");
        q.gauge("queriesActive", queriesActive::sum);
    }

    /** A write that stored {@code ok} points and dropped {@code dropped} (1.x's partial write). */
    public void pointsWritten(long ok, long dropped) {
        pointsWrittenOk.add(ok);
        pointsWrittenDropped.add(dropped);
    }

    /** A write whose {@code n} points all failed. */
    public void pointsFailed(long n) {
        pointsWrittenFail.add(n);
    }
}
