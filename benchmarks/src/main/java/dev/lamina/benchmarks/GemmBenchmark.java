package dev.lamina.benchmarks;

import dev.lamina.internal.kernel.FmaPeak;
import dev.lamina.internal.kernel.Gemm;
import dev.lamina.internal.kernel.PackedMatrix;
import java.util.Random;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The three matrix products of a dense layer, one thread, on the MLP's shapes. Besides the usual
 * ops/s, each benchmark reports a secondary result {@code gflops} (GFLOP/s, 2 FLOP per
 * multiply-add); {@code fmaPeak} reports the core's vector FMA peak the same way, for comparison.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar GemmBenchmark
 * </pre>
 */
@State(Scope.Thread)
public class GemmBenchmark extends LaminaBenchmark {
  /** Rows of X (examples per batch); 1 is one sample's inference, the single-row kernels. */
  @Param({"1", "32", "128", "512"})
  public int batch;

  /** Layer as fan_in x units. */
  @Param({"784x256", "256x128", "128x10"})
  public String layer;

  private int in;
  private int out;
  private float[] x; // (batch, in)
  private float[] w; // (in, out)
  private PackedMatrix packed; // w laid out once, as an inference copy keeps it
  private float[] wt; // (out, in)
  private float[] y; // (batch, out)
  private float[] dy; // (batch, out)
  private float[] dw; // (in, out)
  private float[] dx; // (batch, in)

  /** GFLOP done, reported as a rate: GFLOP/s. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Flops {
    public double gflops;

    @Setup(Level.Iteration)
    public void reset() {
      gflops = 0;
    }
  }

  @Setup
  public void setUp() {
    String[] parts = layer.split("x");
    in = Integer.parseInt(parts[0]);
    out = Integer.parseInt(parts[1]);
    Random random = new Random(1);
    x = random(random, batch * in);
    w = random(random, in * out);
    packed = PackedMatrix.of(w, in, out);
    dy = random(random, batch * out);
    wt = new float[out * in];
    Gemm.transpose(wt, w, in, out);
    y = new float[batch * out];
    dw = new float[in * out];
    dx = new float[batch * in];
  }

  private double gflopsPerCall() {
    return 2.0 * batch * in * out / 1e9;
  }

  /** Y = X·W. */
  @Benchmark
  public float[] forward(Flops flops) {
    Gemm.matmul(y, x, w, in, out, 0, batch);
    flops.gflops += gflopsPerCall();
    return y;
  }

  /** Y = X·W with W laid out beforehand (an inference copy's weights): no panel copied per call. */
  @Benchmark
  public float[] forwardPacked(Flops flops) {
    Gemm.matmul(y, x, packed, 0, batch);
    flops.gflops += gflopsPerCall();
    return y;
  }

  /** dW = Xᵀ·dY. */
  @Benchmark
  public float[] weightGradient(Flops flops) {
    Gemm.matmulTransA(dw, x, dy, batch, in, out, 0, in);
    flops.gflops += gflopsPerCall();
    return dw;
  }

  /** dX = dY·Wᵀ, with Wᵀ made beforehand (see {@link #transposeWeights}). */
  @Benchmark
  public float[] inputGradient(Flops flops) {
    Gemm.matmulTransB(dx, dy, wt, in, out, 0, batch);
    flops.gflops += gflopsPerCall();
    return dx;
  }

  /** Making Wᵀ, done once per backward pass before {@link #inputGradient}. */
  @Benchmark
  public float[] transposeWeights() {
    Gemm.transpose(wt, w, in, out);
    return wt;
  }

  private static float[] random(Random random, int size) {
    float[] m = new float[size];
    for (int i = 0; i < size; i++) {
      m[i] = random.nextFloat() * 2 - 1;
    }
    return m;
  }

  /**
   * The core's FP32 vector FMA peak, reported as {@code gflops} like the products; nested so that
   * it runs once, not once per shape.
   */
  public static class Peak extends LaminaBenchmark {
    /** Rounds per call: about 0.1 ms of FMAs. */
    private static final int ROUNDS = 40_000;

    @Benchmark
    public float fmaPeak(Flops flops) {
      float sink = FmaPeak.burst(ROUNDS);
      flops.gflops += FmaPeak.flops(ROUNDS) / 1e9;
      return sink;
    }

    /** The same with {@value FmaPeak#WIDE_CHAINS} chains, for cores that need more than 12. */
    @Benchmark
    public float fmaPeakWide(Flops flops) {
      float sink = FmaPeak.wideBurst(ROUNDS);
      flops.gflops += FmaPeak.wideFlops(ROUNDS) / 1e9;
      return sink;
    }
  }
}
