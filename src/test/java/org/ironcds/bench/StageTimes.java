package org.ironcds.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.ironcds.cdshooks.CdsHooksJson;
import org.ironcds.cdshooks.CdsResponse;
import org.ironcds.cdshooks.Hook;
import org.ironcds.cdshooks.HookRequest;
import org.ironcds.chart.PatientChart;
import org.ironcds.chart.fhir.ChartAssembler;
import org.ironcds.knowledge.Advice;
import org.ironcds.knowledge.Advisor;
import org.ironcds.knowledge.Knowledge;

/**
 * CPU time and allocation per stage of one hook call, single thread, without HTTP. It measures the
 * thread's own CPU time and allocated bytes (not wall time), so figures stay comparable when other
 * processes share the machine.
 *
 * <p>{@code java -cp target/test-classes:target/classes:$(cat target/test.classpath)
 * org.ironcds.bench.StageTimes target/bench/request-prefetch.json [calls]} (the request is written
 * by {@link BenchmarkPatient}; {@code scripts/bench-load.sh} shows how the classpath file is made).
 */
public final class StageTimes {
  private static final ThreadMXBean THREAD = (ThreadMXBean) ManagementFactory.getThreadMXBean();

  private StageTimes() {}

  public static void main(String[] args) throws Exception {
    byte[] body = Files.readAllBytes(Path.of(args[0]));
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    Instant now = Instant.now();
    Knowledge knowledge = Knowledge.load(Optional.empty());
    ChartAssembler assembler = new ChartAssembler(knowledge.labCodeTokens());
    Advisor advisor = new Advisor(knowledge);
    CdsHooksJson json = new CdsHooksJson();
    HookRequest request = json.readHookRequest(body, Hook.ORDER_SIGN);
    List<JsonNode> history = request.prefetch().keys().stream().map(request.prefetch()::value).toList();
    PatientChart chart = assembler.assemble(request.context(), history, now);
    List<Advice> advice = advisor.advise(chart, now);
    CdsResponse response = CdsResponse.of(advice.stream().map(Advice::card).toList());

    for (int round = 0; round < 2; round++) {
      boolean report = round == 1; // the first round is the JIT warm-up
      measure("parse and validate", calls, report, () -> json.readHookRequest(body, Hook.ORDER_SIGN));
      measure("chart assembly", calls, report, () -> assembler.assemble(request.context(), history, now));
      measure("rules only", calls, report, () -> advisor.ruleBook().evaluate(chart, now));
      measure("rules and cards", calls, report, () -> advisor.advise(chart, now));
      measure("response encoding", calls, report, () -> json.write(response));
    }
  }

  private static void measure(String stage, int calls, boolean report, Supplier<Object> work) {
    long thread = Thread.currentThread().getId();
    long bytes = THREAD.getThreadAllocatedBytes(thread);
    long cpu = THREAD.getCurrentThreadCpuTime();
    int sink = 0;
    for (int i = 0; i < calls; i++) {
      sink += work.get().hashCode() & 1;
    }
    double micros = (THREAD.getCurrentThreadCpuTime() - cpu) / 1_000.0 / calls;
    double kib = (THREAD.getThreadAllocatedBytes(thread) - bytes) / 1_024.0 / calls;
    if (report) {
      System.out.printf("%-20s %8.1f us CPU %8.1f KiB allocated per call%s%n", stage, micros, kib, sink < 0 ? "!" : "");
    }
  }
}
