package org.ironcds.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.ironcds.cdshooks.CdsHooksJson;
import org.ironcds.cdshooks.CdsResponse;
import org.ironcds.cdshooks.Hook;
import org.ironcds.cdshooks.HookRequest;
import org.ironcds.chart.PatientChart;
import org.ironcds.chart.fhir.ChartAssembler;
import org.ironcds.knowledge.Advice;
import org.ironcds.knowledge.Advisor;
import org.ironcds.knowledge.Knowledge;
import org.ironcds.knowledge.rules.Finding;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Chart building plus rule evaluation for a realistic order-sign request: a ferric carboxymaltose
 * draft, 20 medication records (denosumab, zoledronic acid via a Bundle Medication, a stopped
 * bisphosphonate, 17 unrelated drugs) and 60 observations (half outside the lab value sets). The
 * request JSON is parsed once in setup, as the HTTP layer does.
 *
 * <p>Run after {@code mvn -o test-compile}:
 * {@code java -cp target/test-classes:target/classes:$(mvn -q -o dependency:build-classpath
 * -Dmdep.outputFile=/dev/stdout) org.openjdk.jmh.Main ChartAndRulesBenchmark -wi 5 -w 3s -i 5 -r 3s}.
 * Measured 2026-11-21 on the shared 2-core build machine, one thread: chartAndRules 258 ± 11 us/op,
 * chartRulesAndCards 467 ± 24 us/op.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ChartAndRulesBenchmark {
  private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

  private final CdsHooksJson json = new CdsHooksJson();
  private byte[] body;
  private HookRequest request;
  private List<JsonNode> resources;
  private ChartAssembler assembler;
  private Advisor advisor;

  @Setup
  public void setUp() throws IOException {
    Knowledge knowledge = Knowledge.load(Optional.empty());
    assembler = new ChartAssembler(knowledge.labCodeTokens());
    advisor = new Advisor(knowledge);
    try (InputStream in = ChartAndRulesBenchmark.class.getResourceAsStream("request-20-meds-60-obs.json")) {
      body = in.readAllBytes();
      request = json.readHookRequest(body, Hook.ORDER_SIGN);
    }
    resources = request.prefetch().keys().stream().map(request.prefetch()::value).toList();
    if (advisor.advise(chart(), NOW).isEmpty()) {
      throw new IllegalStateException("the benchmark request should produce cards");
    }
  }

  private PatientChart chart() {
    return assembler.assemble(request.context(), resources, NOW);
  }

  /** FHIR JSON to chart, then all rules: what the issue asks to measure. */
  @Benchmark
  public List<Finding> chartAndRules() {
    return advisor.ruleBook().evaluate(chart(), NOW);
  }

  /** As above plus card rendering (markdown and the suggested resources' FHIR JSON). */
  @Benchmark
  public List<Advice> chartRulesAndCards() {
    return advisor.advise(chart(), NOW);
  }

  /** Request bytes to the validated hook request: the one JSON pass the HTTP layer makes. */
  @Benchmark
  public HookRequest parse() {
    return json.readHookRequest(body, Hook.ORDER_SIGN);
  }

  /** Bytes in to bytes out without HTTP: parse, chart, rules, cards and the response JSON. */
  @Benchmark
  public byte[] wholeCall() {
    HookRequest call = json.readHookRequest(body, Hook.ORDER_SIGN);
    List<JsonNode> history = call.prefetch().keys().stream().map(call.prefetch()::value).toList();
    List<Advice> advice = advisor.advise(assembler.assemble(call.context(), history, NOW), NOW);
    return json.write(CdsResponse.of(advice.stream().map(Advice::card).toList()));
  }
}
