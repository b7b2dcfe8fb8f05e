package io.cwlogs.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven conformance: one line per query over {@link Dataset#EVENTS}, with the exact rows
 * expected (rendered "field=value, ...", {@code @ptr} left out). Queries follow the AWS docs'
 * examples (QuerySyntax, Parse, Stats, Sort, Dedup, FUNCS); see docs/design-decisions-insights.md
 * for the choices where AWS is undocumented.
 */
public class ConformanceTest {

  private static Arguments row(String query, String... expected) {
    return Arguments.of(query, List.of(expected));
  }

  /** Every case: the query, then its expected rows. Public so the server runs them through the API. */
  public static Stream<Arguments> cases() {
    return Stream.of(
        // fields, display, defaults
        row(
            "fields @timestamp, msg | limit 2",
            "@timestamp=2024-05-01 12:13:00.000, msg=upstream unavailable",
            "@timestamp=2024-05-01 12:12:00.000"),
        row(
            "limit 1",
            "@timestamp=2024-05-01 12:13:00.000, @message={\"level\":\"ERROR\",\"service\":"
                + "\"billing\",\"status\":503,\"latency\":300,\"msg\":\"upstream unavailable\"}"),
        row("fields service | fields level | limit 1", "service=billing, level=ERROR"),
        row("fields service, level | display level | display service | limit 1", "service=billing"),
        row(
            "fields @log, @logStream, @ingestionTime | limit 1",
            "@log=123456789012:app, @logStream=web-1, @ingestionTime=2024-05-01 12:13:00.500"),
        row("# a comment line\nFIELDS service | FILTER service = 'api' | LIMIT 1", "service=api"),
        row("filter ispresent(`x-request-id`) | fields `x-request-id`", "x-request-id=r-3"),
        row("fields @@src | filter ispresent(@@src)", "@@src=edge"),
        row(
            "filter ispresent(user.roles.0) | fields user.roles.0, user.roles.1",
            "user.roles.0=admin, user.roles.1=dev"),
        row(
            "fields latency * 2 as double, concat(service, \"-\", level) | limit 1",
            "double=600, concat(service, \"-\", level)=billing-ERROR"),
        // filter and where
        row(
            "filter level = \"ERROR\" | fields service, status",
            "service=billing, status=503",
            "service=api, status=500"),
        row("filter status >= 500 and service != \"api\" | fields service", "service=billing"),
        row("where status = 401 | fields msg", "msg=bad password"),
        row(
            "filter @message like /ERROR/ | fields @timestamp",
            "@timestamp=2024-05-01 12:13:00.000",
            "@timestamp=2024-05-01 12:07:00.000",
            "@timestamp=2024-05-01 12:01:00.000"),
        row("filter @message like \"timeout\" | fields @logStream", "@logStream=web-2"),
        row(
            "filter @message not like \"{\" | fields @logStream",
            "@logStream=web-2",
            "@logStream=web-2",
            "@logStream=web-2"),
        row("filter msg =~ /^(GET|POST)/ | fields msg", "msg=POST /pay failed", "msg=GET /home"),
        row("filter msg like /(?i)LOGIN/ | fields msg", "msg=login ok"),
        row(
            "filter level not in [\"INFO\", \"WARN\"] and ispresent(level) | fields level",
            "level=ERROR",
            "level=ERROR"),
        row("filter status in [401, \"503\"] | fields status", "status=503", "status=401"),
        row("filter not (status < 500) | fields status", "status=503", "status=500"),
        row("filter missing != \"x\" | fields service"),
        row("filter not (missing = \"x\") | fields service"),
        row(
            "filter not ispresent(status) | fields @logStream",
            "@logStream=web-2",
            "@logStream=web-2",
            "@logStream=web-2"),
        row("filter status > 500 or not (status >= 0) | fields status", "status=503"),
        // stats
        row(
            "stats count(*) by bin(5m)",
            "bin(5m)=2024-05-01 12:10:00.000, count(*)=3",
            "bin(5m)=2024-05-01 12:05:00.000, count(*)=2",
            "bin(5m)=2024-05-01 12:00:00.000, count(*)=3"),
        row("stats count() as n by bin(1h) as hour", "hour=2024-05-01 12:00:00.000, n=8"),
        row(
            "filter ispresent(service) | stats avg(latency), max(latency), min(latency),"
                + " sum(latency) by service | sort service",
            "service=api, avg(latency)=535, max(latency)=950, min(latency)=120,"
                + " sum(latency)=1070",
            "service=auth, avg(latency)=27.5, max(latency)=40, min(latency)=15, sum(latency)=55",
            "service=billing, avg(latency)=300, max(latency)=300, min(latency)=300,"
                + " sum(latency)=300"),
        row(
            "stats count(*) as c, count(user.id) as withUser, count_distinct(user.id) as users",
            "c=8, withUser=3, users=2"),
        row(
            "filter ispresent(latency) | stats pct(latency, 50) as p50, pct(latency, 90) as p90,"
                + " stddev(latency) as sd",
            "p50=120, p90=950, sd=388.136573901507"),
        row(
            "stats earliest(msg) as first, latest(msg) as last, sortsFirst(service) as sf,"
                + " sortsLast(service) as sl",
            "first=GET /home, last=upstream unavailable, sf=api, sl=billing"),
        row(
            "stats min(@timestamp) as from, max(@timestamp) as to",
            "from=2024-05-01 12:00:00.000, to=2024-05-01 12:13:00.000"),
        row(
            "filter service in [\"auth\", \"billing\"] | stats count(*) as n by service"
                + " | sort service asc",
            "service=auth, n=2",
            "service=billing, n=1"),
        row(
            "stats count(*) as n by service | stats count(*) as services, sum(n) as total",
            "services=4, total=8"),
        row(
            "stats sum(latency) / count(latency) as mean by service | sort mean desc",
            "service=api, mean=535",
            "service=billing, mean=300",
            "service=auth, mean=27.5",
            ""),
        row("filter status = 999 | stats count(*) as n", "n=0"),
        row(
            "stats count(*) by service | sort count(*) desc | limit 2",
            "count(*)=3",
            "service=auth, count(*)=2"),
        row("stats count(*) by service | stats max(count(*)) as m", "m=3"),
        row(
            "stats count(*) by bin(5m) | sort bin(5m) asc | limit 1",
            "bin(5m)=2024-05-01 12:00:00.000, count(*)=3"),
        row(
            "stats count(*) as n by bin(5m) | filter n > 2 | stats sum(n) as s by bin(5m)"
                + " | sort bin(5m)",
            "bin(5m)=2024-05-01 12:00:00.000, s=3",
            "bin(5m)=2024-05-01 12:10:00.000, s=3"),
        row("filter status = 999 | stats count(*) as n by service"),
        row("stats count(*) as n by level, service | filter n > 1", "n=3"),
        row(
            "stats count(*) as n by level, service | filter ispresent(level) | sort level, service"
                + " | limit 2",
            "level=ERROR, service=api, n=1",
            "level=ERROR, service=billing, n=1"),
        // parse
        row(
            "parse @message \"user=*, method:*, latency := *\" as @user, @method, @latency"
                + " | filter ispresent(@user) | display @user, @method, @latency",
            "@user=bob, @method=POST, @latency=77",
            "@user=alice, @method=GET, @latency=42"),
        row(
            "parse @message \"[*] * The error was: *\" as level, config, exception"
                + " | filter ispresent(exception) | display level, config, exception",
            "level=ERROR, config=db-pool, exception=timeout after 30s"),
        row(
            "parse @message /user=(?<user_name>\\w+), method:(?<method>\\w+)/"
                + " | filter ispresent(user_name) | stats count(*) by method | sort method",
            "method=GET, count(*)=1",
            "method=POST, count(*)=1"),
        row("parse \"user=*,\" as u | fields u | limit 3", "", "u=bob", "u=alice"),
        row(
            "parse @message \"latency := *\" as lat | stats avg(lat) as avgLatency",
            "avgLatency=59.5"),
        row(
            "parse msg \"* *\" as verb, rest | parse rest \"/*\" as path | filter ispresent(path)"
                + " | fields verb, path",
            "verb=POST, path=pay failed",
            "verb=GET, path=home"),
        // sort, limit, dedup
        row(
            "sort latency desc | limit 3 | fields service, latency",
            "service=api, latency=950",
            "service=billing, latency=300",
            "service=api, latency=120"),
        row(
            "fields latency | sort latency asc | limit 6",
            "latency=15",
            "latency=40",
            "latency=120",
            "latency=300",
            "latency=950",
            ""),
        row(
            "sort @timestamp asc | limit 2 | fields @timestamp",
            "@timestamp=2024-05-01 12:00:00.000",
            "@timestamp=2024-05-01 12:01:00.000"),
        row(
            "sort service asc, latency desc | filter ispresent(service) | fields service, latency",
            "service=api, latency=950",
            "service=api, latency=120",
            "service=auth, latency=40",
            "service=auth, latency=15",
            "service=billing, latency=300"),
        row(
            "fields service, level | dedup service",
            "service=billing, level=ERROR",
            "",
            "",
            "",
            "service=auth, level=WARN",
            "service=api, level=ERROR"),
        row(
            "filter ispresent(service) | sort latency asc | fields service | dedup service | limit"
                + " 2",
            "service=auth",
            "service=api"),
        row("unmask | filter status = 401 | fields msg", "msg=bad password"),
        // functions (FUNCS page examples)
        row(
            "fields trim(\"xyZxyfooxyxyZ\",\"xyZ\") as t, ltrim(\"xyZxyfooxyZ\",\"xyZ\") as l,"
                + " rtrim(\"xyZfooxyxyZ\",\"xyZ\") as r, substr(\"xyZfooxyZ\",3,3) as s,"
                + " trim(\"  a b  \") as w | limit 1",
            "t=foo, l=fooxyZ, r=xyZfoo, s=foo, w=a b"),
        row(
            "fields strlen(\"h\u00e9llo\") as n, toupper(\"ab\") as u, tolower(\"AB\") as lo,"
                + " replace(\"a-b-c\",\"-\",\"+\") as rep, concat(\"a\", \"b\", 1) as c,"
                + " strcontains(\"abc\",\"b\") as sc, isempty(\"\") as e, isblank(\"  \") as b,"
                + " isempty(nothing) as e2, substr(\"abcdef\", 2) as tail | limit 1",
            "n=5, u=AB, lo=ab, rep=a+b+c, c=ab1, sc=1, e=1, b=1, e2=1, tail=cdef"),
        row(
            "fields abs(-2.5) as a, ceil(1.2) as c, floor(1.8) as f, greatest(1, 5, 3) as g,"
                + " least(4, 2) as l, sqrt(16) as s, log(1) as lg, 2 ^ 3 as p, 10 % 3 as m,"
                + " 7 / 2 as d, 1 / 0 as inf, -2 ^ 2 as neg | limit 1",
            "a=2.5, c=2, f=1, g=5, l=2, s=4, lg=0, p=8, m=1, d=3.5, neg=4"),
        row(
            "fields toMillis(@timestamp) as ms, fromMillis(0) as epoch,"
                + " datefloor(@timestamp, 1h) as h, dateceil(@timestamp, 1d) as d,"
                + " bin(1mo) as mo, datefloor(@timestamp, 1w) as w, datefloor(@timestamp, 1q) as q,"
                + " datefloor(@timestamp, 1y) as y, dateceil(@timestamp, 2mins) as c2 | limit 1",
            "ms=1714565580000, epoch=1970-01-01 00:00:00.000, h=2024-05-01 12:00:00.000,"
                + " d=2024-05-02 00:00:00.000, mo=2024-05-01 00:00:00.000,"
                + " w=2024-04-29 00:00:00.000, q=2024-04-01 00:00:00.000,"
                + " y=2024-01-01 00:00:00.000, c2=2024-05-01 12:14:00.000"),
        row(
            "filter isValidIp(ip) | fields ip, isValidIpV4(ip) as v4, isValidIpV6(ip) as v6,"
                + " isIpInSubnet(ip, \"10.0.0.0/16\") as in10,"
                + " isIpv4InSubnet(ip, \"192.168.0.0/16\") as in192,"
                + " isIpv6InSubnet(ip, \"2001:db8::/32\") as indb",
            "ip=2001:db8::1, v4=0, v6=1, in10=0, in192=0, indb=1",
            "ip=192.168.1.20, v4=1, v6=0, in10=0, in192=1, indb=0",
            "ip=10.0.1.9, v4=1, v6=0, in10=1, in192=0, indb=0",
            "ip=10.0.0.5, v4=1, v6=0, in10=1, in192=0, indb=0"),
        row(
            "fields coalesce(user.id, service, \"none\") as who, ispresent(user.id) as hasUser"
                + " | limit 3",
            "who=billing, hasUser=0",
            "who=none, hasUser=0",
            "who=none, hasUser=0"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void conforms(String query, List<String> expected) {
    assertThat(Dataset.rows(query)).as(query).containsExactlyElementsOf(expected);
  }
}
