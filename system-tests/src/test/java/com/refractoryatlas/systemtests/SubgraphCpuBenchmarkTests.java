package com.refractoryatlas.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Query (b) (four levels) through our gateway only, for the subgraphs' CPU per request (issue 17): warm-up, the idle
 * CPU of every process over 15 s (the import service's job polling, health checks), then {@code probe.rounds}
 * measured runs printing CPU ms per request per process as measured and minus that idle CPU. With
 * {@code -Dprobe.profiler=<path of libasyncProfiler.so>} it then profiles every process during one more run (jcmd
 * JVMTI.agent_load; collapsed stacks in target/benchmarks/profile-<process>.collapsed). Run it with
 * {@code ATLAS_DEDUPLICATE_SUBGRAPH_REQUESTS=false} for the gateway (see BENCHMARKS.md) so that every client request
 * reaches the subgraphs. Not part of the normal build.
 */
@Tag("benchmark")
@ExtendWith(AtlasSystemExtension.class)
class SubgraphCpuBenchmarkTests {

    @Test
    void fourLevelsThroughOurGateway(AtlasSystem system) throws Exception {
        SeedData.ensure(system);
        var ours = system.gatewayUrl();
        assertThat(new GraphQl(ours).query(Benchmarks.FOUR_LEVELS).errors()).isEmpty();
        var warm = Duration.ofSeconds(Long.getLong("probe.warmup", 25));
        var measure = Duration.ofSeconds(Long.getLong("probe.seconds", 15));
        Benchmarks.wrk(ours, Benchmarks.FOUR_LEVELS, 16, warm);
        var report = new StringBuilder();
        var handles0 = system.processHandles();
        var idleBefore = new java.util.LinkedHashMap<String, Long>();
        handles0.forEach((n, h) ->
                idleBefore.put(n, h.info().totalCpuDuration().orElseThrow().toNanos()));
        long idleStart = System.nanoTime();
        Thread.sleep(15_000);
        double idleSeconds = (System.nanoTime() - idleStart) / 1e9;
        var idleRate = new java.util.LinkedHashMap<String, Double>();
        handles0.forEach((n, h) -> idleRate.put(
                n, (h.info().totalCpuDuration().orElseThrow().toNanos() - idleBefore.get(n)) / 1e6 / idleSeconds));
        report.append("idle CPU ms/s: ").append(idleRate).append('\n');
        for (int i = 0; i < Integer.getInteger("probe.rounds", 2); i++) {
            var m = Benchmarks.measured(system, ours, Benchmarks.FOUR_LEVELS, 16, measure);
            report.append(m.line("(b) ours round " + i)).append('\n');
            double sub = m.cpuMillis(p -> !p.equals("gateway"));
            report.append("   subgraphs+mongo %.2f ms%n".formatted(sub));
            var net = new java.util.LinkedHashMap<String, String>();
            double netSub = 0;
            for (var e : m.cpuMillisPerRequest().entrySet()) {
                double v = e.getValue()
                        - idleRate.getOrDefault(e.getKey(), 0.0)
                                * measure.toSeconds()
                                / m.load().requests();
                net.put(e.getKey(), "%.2f".formatted(v));
                if (!e.getKey().equals("gateway")) netSub += v;
            }
            report.append("   minus idle CPU: %s; subgraphs+mongo %.2f ms%n".formatted(net, netSub));
        }
        var lib = System.getProperty("probe.profiler");
        if (lib != null) {
            var out = Benchmarks.dir(system);
            Files.createDirectories(out);
            var handles = system.processHandles();
            var event = System.getProperty("probe.event", "cpu");
            for (var e : handles.entrySet()) {
                Node.exec(
                        out,
                        Duration.ofSeconds(30),
                        "jcmd",
                        String.valueOf(e.getValue().pid()),
                        "JVMTI.agent_load",
                        lib,
                        "\"start,event=" + event + ",interval=1ms\"");
            }
            Benchmarks.wrk(ours, Benchmarks.FOUR_LEVELS, 16, measure);
            for (var e : handles.entrySet()) {
                var r = Node.exec(
                        out,
                        Duration.ofSeconds(30),
                        "jcmd",
                        String.valueOf(e.getValue().pid()),
                        "JVMTI.agent_load",
                        lib,
                        "\"stop,file=" + out.resolve("profile-" + e.getKey() + ".collapsed") + ",collapsed\"");
                report.append(e.getKey())
                        .append(": ")
                        .append(r.output().strip())
                        .append('\n');
            }
        }
        Benchmarks.report(system, "subgraph-cpu", report.toString());
    }
}
