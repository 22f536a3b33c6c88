"""Regenerates golden-queries.txt from a running InfluxDB 1.x (the expectations are its answers).

    INFLUXDB_PORT=18486 scripts/bench/influxdb.sh start --dir /tmp/influx-golden
    python3 golden-queries-gen.py http://127.0.0.1:18486 --load --out golden-queries.txt

--load (re)creates the databases and writes the data first. FIXES below lists where the expectation is
edited to the 1.8 behaviour Shardline targets; review every change of the table before committing it.
"""
import re, sys, urllib.error, urllib.request, urllib.parse
URL = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8086"
T0 = 1257894000
S = 10**9
def p(line, t): return f"{line} {(T0 + t) * S}"
DATA = [
 p("cpu,host=a,region=us value=1.5,idle=10i", 0),
 p("cpu,host=a,region=us value=3", 10),
 p("cpu,host=a,region=us value=4.5,idle=12i", 20),
 p("cpu,host=a,region=us value=2", 3600),
 p("cpu,host=a,region=us value=2.5,idle=11i", 3610),
 p("cpu,host=a,region=us value=10", 7200),
 p("cpu,host=b,region=eu value=2,idle=20i", 5),
 p("cpu,host=b,region=eu value=6", 15),
 p("cpu,host=b,region=eu value=8,idle=30i", 3605),
 p("cpu,host=b,region=eu value=1", 10800),
 p("cpu,host=c value=9.5", 20),
 p("cpu,host=c value=0.5", 7210),
 p('mem,host=a free=100i,used=1.25,status="ok",ok=true', 0),
 p('mem,host=a free=90i,used=2.5,status="warn",ok=false', 30),
 p('mem,host=a free=80i,used=3.75,status="ok",ok=true', 3600),
 p('mem,host=b free=50i,used=5,status="crit",ok=false', 10),
 p("disk,host=a,path=/ used_pct=50i", 60),
 p("disk,host=a,path=/ used_pct=55i", 3660),
 p("weather,city=new\\ york temp=15.5", 0),
 p("weather,city=paris temp=12.25", 7200),
]
R = "time >= '2009-11-10T23:00:00Z' AND time < '2009-11-11T03:00:00Z'"
Q = [
 ("raw star", "golden", "SELECT * FROM cpu"),
 ("raw one host", "golden", "SELECT value FROM cpu WHERE host = 'a'"),
 ("raw tag regex and tag column", "golden", "SELECT value, host FROM cpu WHERE region =~ /u/"),
 ("raw aliases arithmetic and/or", "golden", "SELECT value AS v, value * 2 + 1 AS calc, host FROM cpu WHERE value > 2 AND (host = 'a' OR host = 'b')"),
 ("raw order desc limit", "golden", "SELECT * FROM cpu ORDER BY time DESC LIMIT 3"),
 ("raw group by host limit offset", "golden", "SELECT value FROM cpu GROUP BY host LIMIT 2 OFFSET 1"),
 ("raw group by host slimit soffset", "golden", "SELECT value FROM cpu WHERE time < '2009-11-11T00:00:00Z' GROUP BY host SLIMIT 2 SOFFSET 1"),
 ("raw several measurements", "golden", "SELECT * FROM cpu, mem WHERE host = 'b'"),
 ("raw regex from", "golden", "SELECT * FROM /^(cpu|disk)$/ WHERE host = 'a' LIMIT 2"),
 ("raw string and boolean fields", "golden", "SELECT free, status, ok FROM mem WHERE status != 'ok'"),
 ("raw time lower bound", "golden", "SELECT value FROM cpu WHERE time > '2009-11-11T00:00:00Z'"),
 ("raw negated regex", "golden", "SELECT value FROM cpu WHERE host !~ /a|b/"),
 ("raw escaped series", "golden", "SELECT * FROM weather"),
 ("raw missing tag equals empty", "golden", "SELECT value FROM cpu WHERE region = ''"),
 ("raw sparse field", "golden", "SELECT idle FROM cpu"),
 ("raw field comparison on integer", "golden", "SELECT idle FROM cpu WHERE idle >= 12"),
 ("aggregates numeric", "golden", "SELECT count(value), sum(value), mean(value), median(value), spread(value) FROM cpu"),
 ("two selectors report time zero", "golden", "SELECT min(value), max(value) FROM cpu"),
 ("lone selector keeps point time", "golden", "SELECT max(value) FROM cpu"),
 ("selector with auxiliary tag", "golden", "SELECT max(value), host FROM cpu"),
 ("first and last", "golden", "SELECT first(value), last(value) FROM cpu"),
 ("percentiles", "golden", "SELECT percentile(value, 50), percentile(value, 90) FROM cpu"),
 ("lone percentile", "golden", "SELECT percentile(value, 75) FROM cpu"),
 ("distinct strings", "golden", "SELECT distinct(status) FROM mem"),
 ("count distinct", "golden", "SELECT count(distinct(status)) FROM mem"),
 ("stddev", "golden", "SELECT stddev(value) FROM cpu WHERE host = 'c'"),
 ("integer aggregates", "golden", "SELECT sum(idle), mean(idle), max(idle) FROM cpu"),
 ("count group by host", "golden", "SELECT count(value) FROM cpu GROUP BY host"),
 ("mean group by region with missing tag", "golden", "SELECT mean(value) FROM cpu GROUP BY region"),
 ("last group by star", "golden", "SELECT last(free) FROM mem GROUP BY *"),
 ("boolean min max count", "golden", "SELECT min(ok), max(ok), count(ok) FROM mem"),
 ("mean wildcard", "golden", "SELECT mean(*) FROM mem"),
 ("count wildcard", "golden", "SELECT count(*) FROM mem"),
 ("selector arithmetic", "golden", "SELECT max(value) - min(value) AS range FROM cpu"),
 ("aggregate reports lower bound", "golden", "SELECT mean(value) FROM cpu WHERE time >= '2009-11-10T23:00:00Z' AND time < '2009-11-11T00:00:00Z'"),
 ("group by time fill null", "golden", f"SELECT mean(value) FROM cpu WHERE {R} GROUP BY time(1h)"),
 ("group by time fill none", "golden", f"SELECT mean(value) FROM cpu WHERE {R} GROUP BY time(30m) fill(none)"),
 ("group by time fill previous", "golden", f"SELECT mean(value) FROM cpu WHERE {R} GROUP BY time(30m) fill(previous)"),
 ("group by time fill linear", "golden", f"SELECT mean(value) FROM cpu WHERE {R} GROUP BY time(30m) fill(linear)"),
 ("group by time fill number", "golden", f"SELECT mean(value) FROM cpu WHERE {R} GROUP BY time(30m) fill(-1.5)"),
 ("count fills zero", "golden", f"SELECT count(value) FROM cpu WHERE {R} GROUP BY time(30m)"),
 ("count fill none", "golden", f"SELECT count(value) FROM cpu WHERE {R} GROUP BY time(30m) fill(none)"),
 ("max by time and host", "golden", f"SELECT max(value) FROM cpu WHERE {R} GROUP BY time(1h), host"),
 ("group by time with offset", "golden", f"SELECT sum(value) FROM cpu WHERE {R} GROUP BY time(1h, 15m)"),
 ("group by time order desc", "golden", f"SELECT count(value) FROM cpu WHERE {R} GROUP BY time(1h) ORDER BY time DESC"),
 ("group by time limit offset", "golden", f"SELECT count(value) FROM cpu WHERE {R} GROUP BY time(1h) LIMIT 2 OFFSET 1"),
 ("fine buckets", "golden", "SELECT sum(value) FROM cpu WHERE time >= '2009-11-10T23:00:00Z' AND time < '2009-11-10T23:00:30Z' GROUP BY time(10s)"),
 ("first last by time and region", "golden", f"SELECT first(value), last(value) FROM cpu WHERE {R} GROUP BY time(2h), region fill(none)"),
 ("spread median by time", "golden", f"SELECT spread(value), median(value) FROM cpu WHERE {R} GROUP BY time(1h) fill(none)"),
 ("slimit soffset with time", "golden", "SELECT mean(value) FROM cpu WHERE time >= '2009-11-10T23:00:00Z' AND time < '2009-11-11T00:00:00Z' GROUP BY time(30m), host SLIMIT 1 SOFFSET 1"),
 ("regex from aggregate", "golden", f"SELECT count(used) FROM /m.*/ WHERE {R} GROUP BY time(1h) fill(none)"),
 ("aggregate with field filter", "golden", f"SELECT count(value), max(value) FROM cpu WHERE value < 5 AND {R} GROUP BY time(1h) fill(none)"),
 ("integer mean by time", "golden", f"SELECT mean(free) FROM mem WHERE {R} GROUP BY time(1h) fill(linear)"),
 ("show measurements", "golden", "SHOW MEASUREMENTS"),
 ("subquery sum of per-host max", "golden", "SELECT sum(max) FROM (SELECT max(value) FROM cpu GROUP BY host)"),
 ("subquery outer group by reaches inner", "golden", "SELECT max(m) FROM (SELECT mean(value) AS m FROM cpu) GROUP BY host"),
 ("subquery unknown field", "golden", "SELECT mean(nope) FROM (SELECT value FROM cpu)"),
 ("subquery star with tag field", "golden", "SELECT * FROM (SELECT value, host FROM cpu)"),
 ("subquery count raw", "golden", "SELECT count(value) FROM (SELECT value FROM cpu)"),
 ("subquery where on outer field", "golden", "SELECT value FROM (SELECT value FROM cpu) WHERE value > 3"),
 ("subquery three levels", "golden", "SELECT max(s) FROM (SELECT sum(m) AS s FROM (SELECT max(value) AS m FROM cpu GROUP BY host))"),
 ("subquery inherits interval", "golden", "SELECT mean(max) FROM (SELECT max(value) FROM cpu) WHERE time >= '2009-11-10T23:00:00Z' AND time < '2009-11-11T03:00:00Z' GROUP BY time(1h)"),
 ("subquery inner group by time", "golden", "SELECT * FROM (SELECT mean(value) FROM cpu WHERE time >= '2009-11-10T23:00:00Z' AND time < '2009-11-11T03:00:00Z' GROUP BY time(1h))"),
 ("subquery star over grouped selector", "golden", "SELECT * FROM (SELECT max(value) FROM cpu GROUP BY host)"),
 ("subquery where on inner tag", "golden", "SELECT max FROM (SELECT max(value) FROM cpu GROUP BY host) WHERE host = 'a'"),
 ("subquery where on missing tag", "golden", "SELECT value FROM (SELECT value FROM cpu) WHERE host = 'b'"),
 ("subquery time ranges intersect", "golden", "SELECT mean(value) FROM (SELECT value FROM cpu WHERE time > '2009-11-11T00:00:00Z') WHERE time < '2009-11-11T01:30:00Z'"),
 ("subquery order desc limit", "golden", "SELECT free FROM (SELECT free, used FROM mem) ORDER BY time DESC LIMIT 2"),
 ("subquery inner limit", "golden", "SELECT a FROM (SELECT value AS a FROM cpu LIMIT 2)"),
 ("subquery raw over grouped raw", "golden", "SELECT value FROM (SELECT value FROM cpu GROUP BY host)"),
 ("subquery raw over grouped raw desc", "golden", "SELECT value FROM (SELECT value FROM cpu GROUP BY host) ORDER BY time DESC"),
 ("subquery regroup", "golden", "SELECT value FROM (SELECT value FROM cpu GROUP BY host, region) GROUP BY region"),
 ("subquery outer group by tag on raw", "golden", "SELECT value FROM (SELECT value FROM cpu) GROUP BY host"),
 ("subquery math and tag field", "golden", "SELECT value * 2 AS d, host FROM (SELECT value, host FROM cpu GROUP BY region) WHERE value < 5"),
 ("subquery selector with aux", "golden", "SELECT max(value), host FROM (SELECT value, host FROM cpu)"),
 ("subquery first per host", "golden", "SELECT first(value) FROM (SELECT value FROM cpu GROUP BY host) GROUP BY host"),
 ("subquery mean of means by time", "golden", "SELECT mean(mean) FROM (SELECT mean(value) FROM cpu WHERE time >= '2009-11-10T23:00:00Z' AND time < '2009-11-11T03:00:00Z' GROUP BY time(30m), host) WHERE time >= '2009-11-10T23:00:00Z' AND time < '2009-11-11T03:00:00Z' GROUP BY time(1h)"),
 ("subquery two subqueries", "golden", "SELECT max(value) FROM (SELECT value FROM cpu), (SELECT used AS value FROM mem)"),
 ("subquery spread of counts", "golden", "SELECT spread(count) FROM (SELECT count(value) FROM cpu GROUP BY host)"),
 ("subquery string fields", "golden", "SELECT count(status) FROM (SELECT status FROM mem WHERE ok = true)"),
 ("show measurements with regex", "golden", "SHOW MEASUREMENTS WITH MEASUREMENT =~ /c.*/"),
 ("show measurements where tag", "golden", "SHOW MEASUREMENTS WHERE host = 'b'"),
 ("show measurements where tag not equal", "golden", "SHOW MEASUREMENTS WHERE host != 'c'"),
 ("show measurements where negated regex or tag", "golden", "SHOW MEASUREMENTS WHERE region !~ /e/ OR path = '/'"),
 ("show measurements limit offset", "golden", "SHOW MEASUREMENTS LIMIT 2 OFFSET 1"),
 ("show series cardinality", "golden", "SHOW SERIES CARDINALITY"),
 ("show series exact cardinality", "golden", "SHOW SERIES EXACT CARDINALITY"),
 ("show series cardinality from", "golden", "SHOW SERIES CARDINALITY FROM cpu"),
 ("show series cardinality where", "golden", "SHOW SERIES CARDINALITY WHERE host = 'a'"),
 ("show series exact cardinality group by", "golden", "SHOW SERIES EXACT CARDINALITY GROUP BY host"),
 ("show series exact cardinality group by star", "golden", "SHOW SERIES EXACT CARDINALITY FROM cpu GROUP BY *"),
 ("show series exact cardinality offset", "golden", "SHOW SERIES EXACT CARDINALITY FROM /c|m/ LIMIT 1 OFFSET 1"),
 ("show series cardinality time", "golden", "SHOW SERIES CARDINALITY WHERE time > 0"),
 ("show measurement cardinality", "golden", "SHOW MEASUREMENT CARDINALITY"),
 ("show measurement exact cardinality", "golden", "SHOW MEASUREMENT EXACT CARDINALITY"),
 ("show measurement cardinality where", "golden", "SHOW MEASUREMENT CARDINALITY WHERE host = 'a'"),
 ("show measurement exact cardinality group by regex", "golden", "SHOW MEASUREMENT EXACT CARDINALITY GROUP BY /h/"),
 ("show measurement exact cardinality time", "golden", "SHOW MEASUREMENT EXACT CARDINALITY WHERE time > 0"),
 ("show measurement cardinality missing database", "golden", "SHOW MEASUREMENT CARDINALITY ON nope"),
 ("show measurement exact cardinality missing database", "golden", "SHOW MEASUREMENT EXACT CARDINALITY ON nope"),
 ("show tag key cardinality", "golden", "SHOW TAG KEY CARDINALITY"),
 ("show tag key exact cardinality group by star", "golden", "SHOW TAG KEY EXACT CARDINALITY GROUP BY *"),
 ("show tag key cardinality from where group by regex", "golden", "SHOW TAG KEY CARDINALITY ON golden FROM cpu, mem WHERE host = 'a' OR host = 'c' GROUP BY /o/"),
 ("show tag values cardinality", "golden", "SHOW TAG VALUES CARDINALITY WITH KEY = host"),
 ("show tag values exact cardinality in", "golden", "SHOW TAG VALUES EXACT CARDINALITY WITH KEY IN (host, region)"),
 ("show tag values cardinality regex where", "golden", "SHOW TAG VALUES CARDINALITY FROM cpu WITH KEY =~ /.*/ WHERE host != 'c'"),
 ("show tag values cardinality group by", "golden", "SHOW TAG VALUES CARDINALITY WITH KEY = host GROUP BY region"),
 ("show tag values cardinality time", "golden", "SHOW TAG VALUES CARDINALITY WITH KEY = host WHERE time > 0"),
 ("show field key cardinality", "golden", "SHOW FIELD KEY CARDINALITY"),
 ("show field key exact cardinality from", "golden", "SHOW FIELD KEY EXACT CARDINALITY FROM mem"),
 ("show field key cardinality where group by", "golden", "SHOW FIELD KEY CARDINALITY WHERE host = 'a' GROUP BY host"),
 ("show field key cardinality time", "golden", "SHOW FIELD KEY CARDINALITY WHERE time > 0"),
 ("show series", "golden", "SHOW SERIES"),
 ("show series from where", "golden", "SHOW SERIES FROM cpu WHERE region = 'us'"),
 ("show tag keys", "golden", "SHOW TAG KEYS"),
 ("show tag keys from", "golden", "SHOW TAG KEYS FROM cpu"),
 ("show tag values", "golden", "SHOW TAG VALUES WITH KEY = host"),
 ("show tag values in", "golden", "SHOW TAG VALUES FROM cpu WITH KEY IN (\"host\", \"region\")"),
 ("show tag values regex where", "golden", "SHOW TAG VALUES FROM cpu WITH KEY =~ /reg/ WHERE host = 'a'"),
 ("show field keys", "golden", "SHOW FIELD KEYS"),
 ("show field keys from", "golden", "SHOW FIELD KEYS FROM mem"),
 ("show measurements with eq where limit", "golden", "SHOW MEASUREMENTS WITH MEASUREMENT = cpu WHERE host = 'a' LIMIT 1"),
 ("show measurements with regex where offset", "golden", "SHOW MEASUREMENTS WITH MEASUREMENT =~ /m|d/ WHERE host =~ /a/ LIMIT 1 OFFSET 1"),
 ("show measurements on", "golden", "SHOW MEASUREMENTS ON golden"),
 ("show measurements offset beyond", "golden", "SHOW MEASUREMENTS OFFSET 10"),
 ("show series limit offset", "golden", "SHOW SERIES LIMIT 3 OFFSET 2"),
 ("show series from regex where", "golden", "SHOW SERIES FROM /c|w/ WHERE host != 'a'"),
 ("show series where regex", "golden", "SHOW SERIES WHERE host =~ /^[ab]$/ AND region != 'eu'"),
 ("show series on from", "golden", "SHOW SERIES ON golden FROM disk"),
 ("show series where or", "golden", "SHOW SERIES WHERE city = 'paris' OR path = '/'"),
 ("show tag keys on from", "golden", "SHOW TAG KEYS ON golden FROM cpu"),
 ("show tag keys where", "golden", "SHOW TAG KEYS WHERE host = 'b'"),
 ("show tag keys limit offset", "golden", "SHOW TAG KEYS LIMIT 1 OFFSET 1"),
 ("show tag keys slimit soffset", "golden", "SHOW TAG KEYS SLIMIT 2 SOFFSET 1"),
 ("show tag keys from regex where", "golden", "SHOW TAG KEYS FROM /^(cpu|weather)$/ WHERE city != ''"),
 ("show tag values in", "golden", "SHOW TAG VALUES WITH KEY IN (host, city)"),
 ("show tag values regex", "golden", "SHOW TAG VALUES WITH KEY =~ /^(host|path)$/"),
 ("show tag values not regex", "golden", "SHOW TAG VALUES FROM cpu WITH KEY !~ /host/"),
 ("show tag values not equal", "golden", "SHOW TAG VALUES FROM cpu WITH KEY != host"),
 ("show tag values where limit offset", "golden", "SHOW TAG VALUES WITH KEY = host WHERE region = 'us' OR region = 'eu' LIMIT 1 OFFSET 1"),
 ("show tag values on from where", "golden", "SHOW TAG VALUES ON golden FROM mem, disk WITH KEY = host WHERE host != 'b'"),
 ("show tag values limit", "golden", "SHOW TAG VALUES WITH KEY IN (host, region) LIMIT 2"),
 ("show field keys on", "golden", "SHOW FIELD KEYS ON golden"),
 ("show field keys from regex", "golden", "SHOW FIELD KEYS FROM /m|w/"),
 ("show field keys limit offset", "golden", "SHOW FIELD KEYS FROM mem LIMIT 2 OFFSET 1"),
 ("show field keys on missing", "golden", "SHOW FIELD KEYS ON nope"),
 ("show tag values missing key", "golden", "SHOW TAG VALUES WITH KEY = nope"),
 ("show tag keys on missing", "golden", "SHOW TAG KEYS ON nope"),
 ("show series on missing", "golden", "SHOW SERIES ON nope"),
 ("show measurements on missing", "golden", "SHOW MEASUREMENTS ON nope"),
 ("show tag values on missing", "golden", "SHOW TAG VALUES ON nope WITH KEY = host"),
 ("error unsupported function input", "golden", "SELECT mean(status) FROM mem"),
 ("error group by without aggregate", "golden", "SELECT value FROM cpu GROUP BY time(1h)"),
 ("missing measurement", "golden", "SELECT * FROM nonexistent"),
 ("two statements", "golden", "SELECT count(value) FROM cpu; SELECT count(free) FROM mem"),
 ("error show measurements time", "golden", "SHOW MEASUREMENTS WHERE time > 0"),
 ("error no database", "", "SELECT * FROM cpu"),
 ("error unknown database", "nope", "SELECT * FROM cpu"),
 ("drop series", "golden_del", "DROP SERIES FROM cpu WHERE host = 'c'"),
 ("after drop series", "golden_del", "SELECT count(value) FROM cpu GROUP BY host"),
 ("delete time range", "golden_del", "DELETE FROM cpu WHERE time < '2009-11-11T00:00:00Z'"),
 ("after delete time range", "golden_del", "SELECT count(value) FROM cpu GROUP BY host"),
 ("delete by tag everywhere", "golden_del", "DELETE WHERE host = 'a'"),
 ("after delete by tag", "golden_del", "SHOW SERIES"),
 ("drop measurement", "golden_del", "DROP MEASUREMENT mem"),
 ("after drop measurement", "golden_del", "SHOW MEASUREMENTS"),
 ("error delete on field", "golden_del", "DELETE FROM cpu WHERE value > 1"),
]
# Where InfluxDB 1.6.7 differs from the 1.8 behaviour we target (see docs/influxql.md).
FIXES = {
    # 1.x prefixes the message with the id of the shard that failed first ("shard 7: ..."); shard ids are not
    # comparable between systems, Shardline reports the message alone.
    "error delete on field": [(r"shard [0-9]+: fields not supported", "fields not supported")],
}
def http(method, path, params, body=None):
    url = URL + path + "?" + urllib.parse.urlencode(params)
    req = urllib.request.Request(url, data=body, method=method)
    try:
        with urllib.request.urlopen(req) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()
if "--load" in sys.argv:
    for db in ("golden", "golden_del"):
        http("POST", "/query", {"q": f"DROP DATABASE {db}"})
        http("POST", "/query", {"q": f"CREATE DATABASE {db} WITH SHARD DURATION 1h"})
        print(http("POST", "/write", {"db": db}, "\n".join(DATA).encode()))
out = []
out.append("# Golden InfluxQL scenarios: line protocol in, query out, exact JSON expected.")
out.append("# Expectations were produced by InfluxDB 1.6.7 (scripts/bench/influxdb.sh) from the same data, then")
out.append("# reviewed against the 1.x documented behaviour. Format: '@data' lines are the line protocol written to")
out.append("# every database used below (created WITH SHARD DURATION 1h, so the data spans several shard groups);")
out.append("# each scenario is '--- name', 'db: <database or empty>', 'q: <query>', 'expect: <exact JSON body>'.")
out.append("# Scenarios run in order (the golden_del ones delete data).")
out.append("@databases golden golden_del")
for d in DATA:
    out.append("@data " + d)
for name, db, q in Q:
    params = {"q": q}
    if db: params["db"] = db
    status, body = http("POST", "/query", params)
    out.append("")
    out.append("--- " + name)
    out.append("db: " + db)
    out.append("q: " + q)
    body = body.rstrip("\n")
    for old, new in FIXES.get(name, []):
        assert re.search(old, body), (name, body)
        body = re.sub(old, new, body)
    out.append("expect: " + body)
target = sys.argv[sys.argv.index("--out") + 1] if "--out" in sys.argv else "golden-queries.txt"
open(target, "w").write("\n".join(out) + "\n")
