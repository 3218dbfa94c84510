package dev.lamina.peers;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.lamina.examples.TrainingPeer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DJL with its PyTorch engine (libtorch from Maven Central's pytorch-native-cpu jar, never
 * downloaded at run time) training the benches' models through DJL's own {@link Trainer}, as a Java
 * user would: a {@link GradientCollector}, the loss, {@code trainer.step()} (DJL's fused Adam).
 * Each step's arrays live in a sub-manager closed after the step, so native memory does not grow;
 * the data set is one tensor made once, sliced per batch.
 */
public final class DjlPeer implements TrainingPeer {
  private static final int SAMPLES = 4096;
  private static int threadsNow;

  /** Makes DJL load libtorch from the class path and never reach the network. */
  public DjlPeer() {
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("PYTORCH_FLAVOR", "cpu");
  }

  @Override
  public String name() {
    return "djl";
  }

  @Override
  public Map<String, Object> settings() {
    Engine engine = Engine.getEngine("PyTorch");
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("djl_version", Engine.getDjlVersion());
    json.put("djl_libtorch_version", engine.getVersion());
    json.put("djl_threads", "intra-op threads = the bench's threads (JniUtils.setNumThreads),"
        + " inter-op " + JniUtils.getNumInteropThreads());
    json.put("djl_mkldnn", JniUtils.getFeatures().stream().anyMatch(f -> f.contains("MKLDNN")
        || f.contains("ONEDNN")));
    json.put("djl_features", String.join(" ", JniUtils.getFeatures().stream().sorted().toList()));
    return json;
  }

  @Override
  public Step trainingStep(TrainingPeer.BenchModel model, int batch, int threads) {
    Engine engine = Engine.getEngine("PyTorch");
    Model djl = Model.newInstance(model.name(), Device.cpu(), engine.getEngineName());
    djl.setBlock(block(model));
    Trainer trainer = djl.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
        .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build())
        .optDevices(new Device[] {Device.cpu()}));
    Shape sample = model == TrainingPeer.BenchModel.FASHION_CNN ? new Shape(1, 28, 28) : new Shape(784);
    trainer.initialize(new Shape(batch).addAll(sample));
    NDManager manager = trainer.getManager();
    NDArray x = manager.randomUniform(0, 1, new Shape(SAMPLES).addAll(sample));
    NDArray y = manager.randomInteger(0, 10, new Shape(SAMPLES), DataType.INT64);
    return new Step(trainer, x, y, batch, threads);
  }

  /** A training step on the next batch of the peer's data each call. */
  static final class Step implements Runnable {
    private final Trainer trainer;
    private final NDArray x;
    private final NDArray y;
    private final int batch;
    private final int threads;
    private long count;

    private Step(Trainer trainer, NDArray x, NDArray y, int batch, int threads) {
      this.trainer = trainer;
      this.x = x;
      this.y = y;
      this.batch = batch;
      this.threads = threads;
    }

    @Override
    public void run() {
      step(false);
    }

    /** Runs a step and returns its mean loss, read back from libtorch (tests only). */
    float runAndReadLoss() {
      return step(true);
    }

    private float step(boolean readLoss) {
      setThreads(threads);
      int first = (int) ((count++ * batch) % (SAMPLES - batch));
      try (NDManager step = trainer.getManager().newSubManager()) {
        NDIndex rows = new NDIndex("{}:{}", first, first + batch);
        NDArray xb = x.get(rows);
        NDArray yb = y.get(rows);
        xb.attach(step);
        yb.attach(step);
        NDArray loss;
        try (GradientCollector collector = trainer.newGradientCollector()) {
          NDList logits = trainer.forward(new NDList(xb));
          loss = trainer.getLoss().evaluate(new NDList(yb), logits);
          collector.backward(loss);
        }
        trainer.step();
        return readLoss ? loss.getFloat() : Float.NaN;
      }
    }
  }

  private static synchronized void setThreads(int threads) {
    if (threadsNow != threads) {
      JniUtils.setNumThreads(threads);
      threadsNow = threads;
    }
  }

  /** The model's layers; DJL's dropout takes the drop rate, Lamina's keep = 1 - rate. */
  private static Block block(TrainingPeer.BenchModel model) {
    return switch (model) {
      case FASHION_MLP_BN -> new SequentialBlock()
          .add(Dropout.builder().optRate(0.1f).build())
          .add(Linear.builder().setUnits(256).optBias(false).build())
          .add(BatchNorm.builder().build())
          .add(Activation::relu)
          .add(Dropout.builder().optRate(0.2f).build())
          .add(Linear.builder().setUnits(128).optBias(false).build())
          .add(BatchNorm.builder().build())
          .add(Activation::relu)
          .add(Dropout.builder().optRate(0.2f).build())
          .add(Linear.builder().setUnits(10).build());
      case FASHION_CNN -> new SequentialBlock()
          .add(convolution(32))
          .add(BatchNorm.builder().build())
          .add(Activation::relu)
          .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
          .add(convolution(64))
          .add(BatchNorm.builder().build())
          .add(Activation::relu)
          .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
          .add(Dropout.builder().optRate(0.25f).build())
          .add(Blocks.batchFlattenBlock())
          .add(Linear.builder().setUnits(128).optBias(false).build())
          .add(BatchNorm.builder().build())
          .add(Activation::relu)
          .add(Dropout.builder().optRate(0.5f).build())
          .add(Linear.builder().setUnits(10).build());
    };
  }

  private static Block convolution(int filters) {
    return Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
        .setFilters(filters).optBias(false).build();
  }
}
