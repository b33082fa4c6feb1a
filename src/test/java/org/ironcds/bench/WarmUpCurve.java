package org.ironcds.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ironcds.cdshooks.CdsHooksJson;
import org.ironcds.cdshooks.CdsResponse;
import org.ironcds.cdshooks.Hook;
import org.ironcds.cdshooks.HookRequest;
import org.ironcds.chart.fhir.ChartAssembler;
import org.ironcds.knowledge.Advice;
import org.ironcds.knowledge.Advisor;
import org.ironcds.knowledge.Knowledge;

/**
 * How many calls a fresh JVM needs before a hook call runs at full speed: times whole calls
 * (parse, chart, rules, cards, response) on one thread from the first, and prints the wall time of
 * the 1st, 2nd, 10th, ... call with the time since the JVM started. This is why the first request
 * after a short start-up cannot be as fast as the rest on JDK 17 (see {@code IRONCDS_WARMUP_MS}).
 *
 * <p>{@code java -cp target/test-classes:target/classes:$(cat target/test.classpath)
 * org.ironcds.bench.WarmUpCurve target/bench/request-prefetch.json [calls]}
 */
public final class WarmUpCurve {
  private static final int[] REPORTED = {1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000};

  private WarmUpCurve() {}

  public static void main(String[] args) throws Exception {
    long jvmStart = System.nanoTime();
    byte[] body = Files.readAllBytes(Path.of(args[0]));
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    Knowledge knowledge = Knowledge.load(Optional.empty());
    ChartAssembler assembler = new ChartAssembler(knowledge.labCodeTokens());
    Advisor advisor = new Advisor(knowledge);
    CdsHooksJson json = new CdsHooksJson();
    Instant now = Instant.now();
    long[] took = new long[calls];
    long[] at = new long[calls];
    for (int i = 0; i < calls; i++) {
      long start = System.nanoTime();
      HookRequest request = json.readHookRequest(body, Hook.ORDER_SIGN);
      List<JsonNode> history = request.prefetch().keys().stream().map(request.prefetch()::value).toList();
      List<Advice> advice = advisor.advise(assembler.assemble(request.context(), history, now), now);
      json.write(CdsResponse.of(advice.stream().map(Advice::card).toList()));
      took[i] = System.nanoTime() - start;
      at[i] = System.nanoTime() - jvmStart;
    }
    for (int n : REPORTED) {
      if (n <= calls) {
        System.out.printf("call %6d: %8.2f ms   (%6.0f ms after start)%n", n, took[n - 1] / 1e6, at[n - 1] / 1e6);
      }
    }
  }
}
