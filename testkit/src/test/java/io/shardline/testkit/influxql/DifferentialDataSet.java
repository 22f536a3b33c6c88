package io.shardline.testkit.influxql;

import java.util.Random;

/**
 * The one data set of the differential suite, as line protocol with nanosecond timestamps. Deterministic
 * (seed {@link #SEED}); it spans 2020-01-01T00:00:00Z to about 03:00 so that 1-hour shard groups give
 * four groups, and holds: several measurements; tag sets with a series lacking a tag; float, integer,
 * string and boolean fields; gaps (host c of cpu is silent from 01:00 to 01:30, host b misses usage_idle
 * every 7th minute); equal timestamps across series (cpu's hosts share timestamps); counters with resets;
 * integers near the int64 limits; extreme floats; escaped names and values; one series of 10,050 points.
 */
final class DifferentialDataSet {

    static final long SEED = 20200101L;
    /** 2020-01-01T00:00:00Z in ns. */
    static final long T0 = 1_577_836_800_000_000_000L;
    static final long S = 1_000_000_000L;

    private DifferentialDataSet() {
    }

    static String lines() {
        Random r = new Random(SEED);
        StringBuilder b = new StringBuilder();
        // cpu: 3 hosts x 180 minutes, equal timestamps across hosts
        String[] hosts = {"a", "b", "c"};
        for (int m = 0; m < 180; m++) {
            for (int h = 0; h < hosts.length; h++) {
                if (h == 2 && m >= 60 && m < 90) {
                    continue;
                }
                double user = r.nextInt(10_000) / 100.0;
                double idle = 100 - user - r.nextInt(500) / 100.0;
                long n = r.nextInt(200) - 100;
                b.append("cpu,host=").append(hosts[h]).append(",region=").append(h == 2 ? "eu" : "us")
                        .append(" usage_user=").append(user);
                if (!(h == 1 && m % 7 == 0)) {
                    b.append(",usage_idle=").append(idle);
                }
                b.append(",n=").append(n).append("i ").append(T0 + m * 60 * S).append('\n');
            }
        }
        // mem: every 5 minutes, integers and a float; host b starts at 00:30
        for (int m = 0; m < 180; m += 5) {
            for (String host : new String[] {"a", "b"}) {
                if (host.equals("b") && m < 30) {
                    continue;
                }
                long used = 1_000_000L + r.nextInt(1_000_000);
                b.append("mem,host=").append(host).append(" used=").append(used).append("i,free=")
                        .append(4_000_000L - used).append("i,pct=").append(used / 40_000.0).append(' ')
                        .append(T0 + m * 60 * S).append('\n');
            }
        }
        // status: booleans and strings at irregular times; one series without the dc tag
        for (int i = 0; i < 40; i++) {
            long t = T0 + (i * 277L % 10_800) * S;
            String host = hosts[i % 3];
            b.append("status,host=").append(host);
            if (!host.equals("c")) {
                b.append(",dc=dc").append(i % 2);
            }
            b.append(" up=").append(r.nextBoolean()).append(",msg=\"m").append(i % 5).append(" \\\"q\\\"\",code=")
                    .append(200 + 100 * r.nextInt(4)).append("i ").append(t).append('\n');
        }
        // counter: every 10 s for 30 minutes, monotonic with resets; rate float
        for (String host : new String[] {"a", "b"}) {
            long bytes = host.equals("a") ? 0 : 5_000;
            for (int i = 0; i < 180; i++) {
                bytes = i % 50 == 49 ? r.nextInt(100) : bytes + r.nextInt(1_000);
                b.append("counter,host=").append(host).append(" bytes=").append(bytes).append("i,rate=")
                        .append(r.nextInt(1000) / 10.0).append(' ').append(T0 + 600 * S + i * 10 * S).append('\n');
            }
        }
        // extremes: one series, integers near the int64 limits and extreme floats, sub-second times
        long[] ints = {Long.MAX_VALUE - 5, 3, Long.MAX_VALUE / 2, -7, Long.MIN_VALUE + 10, 0};
        String[] floats = {"1e300", "-2.5e-300", "123456789.123456789", "0.1", "-0", "4.9e-324"};
        for (int i = 0; i < ints.length; i++) {
            b.append("extremes v=").append(ints[i]).append("i,f=").append(floats[i]).append(' ')
                    .append(T0 + i * 1_500_000_000L + i).append('\n');
        }
        // weather: escaped names and tag values, a few negative values
        String[] locs = {"new\\ york", "san\\,jose", "k\\=v"};
        for (int i = 0; i < 24; i++) {
            b.append("weather,loc=").append(locs[i % 3]).append(" temp=").append(r.nextInt(400) / 10.0 - 10)
                    .append(",hum=").append(r.nextInt(100)).append("i ").append(T0 + i * 450 * S).append('\n');
        }
        // dense: one series of 10,050 points a second apart (a non-chunked answer of more than 10,000 rows)
        for (int i = 0; i < 10_050; i++) {
            b.append("dense v=").append(i % 97 - 40).append("i ").append(T0 + i * S).append('\n');
        }
        return b.toString();
    }
}
