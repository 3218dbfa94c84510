package dev.lamina.examples;

import dev.lamina.data.Dataset;
import dev.lamina.data.FashionMnist;
import dev.lamina.ensemble.Aggregation;
import dev.lamina.ensemble.Bagging;
import dev.lamina.ensemble.Ensemble;
import dev.lamina.ensemble.EnsembleListener;
import dev.lamina.ensemble.MemberErrors;
import dev.lamina.ensemble.MemberResult;
import dev.lamina.ensemble.Predictions;
import dev.lamina.ensemble.cluster.BaggingCluster;
import dev.lamina.ensemble.cluster.ClusterSettings;
import dev.lamina.ensemble.cluster.DataRef;
import dev.lamina.report.EnsembleAccuracyChart;
import dev.lamina.train.Optimizer;
import dev.lamina.train.TrainingConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bin/lamina bagging-lab}: trains K bagged {@link FashionMlp} members and shows what
 * averaging buys: each member's test accuracy, the soft and hard vote of the first k members for
 * every k, and the error statistics v and c behind v/k + (k−1)c/k, measured on held-out
 * validation samples and checked against the test set.
 */
final class BaggingLabCommand implements Command {
  @Override
  public String name() {
    return "bagging-lab";
  }

  @Override
  public String summary() {
    return "bag K Fashion-MNIST MLPs: accuracy of k = 1..K members by soft and hard vote, v and c";
  }

  @Override
  public String usage() {
    return """
          --members K     members to train (default 8)
          --epochs N      epochs per member (default 8)
          --batch N       mini-batch size (default 128)
          --lr X          Adam learning rate (default 0.001)
          --seed N        the ensemble's seed; member i trains from Seeds.derive(seed, i) (default 42)
          --bootstrap B   true: each member trains on its own bootstrap resample (default true)
          --train N       train on the first N of the 55,000 training samples (default all)
          --threads N     members trained at once (default: all cores; same result for any N)
          --cluster A,B   train on the bagging cluster at these addresses (bin/lamina bagging-member
                          on each machine), connecting as a client; members load Fashion-MNIST themselves
          --cluster-name NAME  the cluster's name (default lamina)
          --connect-timeout S  seconds to try reaching the cluster before failing (default 20)
          --task-timeout S     seconds one member may train on one cluster member before it
                               also starts on another (default: no limit)
          --plot FILE     where to write the PNG of accuracy against k (default bagging-lab.png)
          --data DIR      directory holding the Fashion-MNIST files""";
  }

  @Override
  public Map<String, Object> run(Options options, PrintStream out) throws Exception {
    int members = options.integer("--members", 8, 1);
    int epochs = options.integer("--epochs", 8, 1);
    int batch = options.integer("--batch", 128, 1);
    double lr = options.number("--lr", 1e-3, 0);
    long seed = options.longValue("--seed", 42);
    boolean bootstrap = bool(options, "--bootstrap", true);
    int trainSize = options.integer("--train", Integer.MAX_VALUE, 1);
    int threads = options.integer("--threads", Runtime.getRuntime().availableProcessors(), 1);
    Path plot = options.path("--plot").orElse(Path.of("bagging-lab.png"));
    String cluster = options.string("--cluster", null);
    String clusterName = options.string("--cluster-name", "lamina");
    double connectTimeout = options.number("--connect-timeout", 20, 0);
    double taskTimeout = options.number("--task-timeout", Duration.ofHours(24).toSeconds(), 0);
    if (cluster != null && !bootstrap) {
      throw new Options.UsageException("--cluster needs --bootstrap true: members evaluate out"
          + " of bag, as they load only the training set");
    }
    Outputs.checkFile("--plot", plot);
    FashionMnist data = FashionData.load(options);

    // The validation split is held out from every member: v and c are measured there.
    Dataset.Split split = data.train().split(1.0 / 12, seed);
    Dataset train =
        BaggingFashionData.train(data, seed, trainSize);
    out.printf(Locale.ROOT, "Fashion-MNIST from %s: %d train, %d validation, %d test%n",
        data.directory(), train.size(), split.validation().size(), data.test().size());
    out.printf(Locale.ROOT, "Training %d members of FashionMlp (%d epochs, batch %d, Adam %.4g,"
        + " %s), %s, each on one thread...%n", members, epochs, batch, lr,
        bootstrap ? "each on a bootstrap resample" : "all on the whole training set",
        cluster != null ? "on the cluster at " + cluster : Math.min(threads, members) + " at a time");

    long start = System.nanoTime();
    Bagging<FashionMlpNet> bagging = Bagging.builder(FashionMlpNet.class)
        .members(members)
        .training(TrainingConfig.builder().epochs(epochs).batchSize(batch)
            .optimizer(Optimizer.adam(lr)).seed(seed).build())
        .bootstrap(bootstrap).threads(threads).listener(progress(out)).build();
    Ensemble<FashionMlpNet> ensemble;
    if (cluster != null) {
      ClusterSettings settings = ClusterSettings.builder().clusterName(clusterName)
          .members(List.of(cluster.split(",")))
          .connectTimeout(Duration.ofMillis(Math.round(connectTimeout * 1000)))
          .taskTimeout(Duration.ofMillis(Math.round(taskTimeout * 1000))).build();
      try (BaggingCluster client = BaggingCluster.connect(settings)) {
        out.printf(Locale.ROOT, "Connected to cluster '%s': %d members%n", clusterName,
            client.size());
        ensemble = bagging.fit(client.members(DataRef.ofClass(BaggingFashionData.class,
            seed + "," + train.size())));
      }
    } else {
      ensemble = bootstrap ? bagging.fit(train) : bagging.fit(train, split.validation());
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    Predictions test = ensemble.predictions(data.test());
    Predictions validation = ensemble.predictions(split.validation());
    MemberErrors errors = validation.errors(members);

    List<Map<String, Object>> memberRows = new ArrayList<>();
    List<Double> memberAccuracies = new ArrayList<>();
    out.println();
    out.println("member  seed                   test accuracy");
    for (int m = 0; m < members; m++) {
      double accuracy = test.memberAccuracy(m);
      memberAccuracies.add(accuracy);
      long memberSeed = ensemble.members().get(m).seed();
      out.printf(Locale.ROOT, "%6d  %-21d  %.4f%n", m, memberSeed, accuracy);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("seed", memberSeed);
      row.put("test_accuracy", accuracy);
      memberRows.add(row);
    }
    double meanMember = memberAccuracies.stream().mapToDouble(Double::doubleValue).average()
        .orElseThrow();
    out.printf(Locale.ROOT, "  mean                         %.4f%n%n", meanMember);

    out.println("    k   soft vote   hard vote   squared error: predicted  observed (test)");
    List<Map<String, Object>> ensembleRows = new ArrayList<>();
    List<Double> soft = new ArrayList<>();
    List<Double> hard = new ArrayList<>();
    for (int k = 1; k <= members; k++) {
      double s = test.accuracy(k, Aggregation.SOFT_VOTE);
      double h = test.accuracy(k, Aggregation.HARD_VOTE);
      soft.add(s);
      hard.add(h);
      out.printf(Locale.ROOT, "%5d   %.4f      %.4f                 %.5f   %.5f%n", k, s, h,
          errors.predicted(k), test.ensembleSquaredError(k));
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("k", k);
      row.put("soft_vote_accuracy", s);
      row.put("hard_vote_accuracy", h);
      ensembleRows.add(row);
    }

    double predicted = errors.predicted(members);
    double observed = test.ensembleSquaredError(members);
    MemberErrors onTest = test.errors(members);
    out.printf(Locale.ROOT, "%nMember errors ε = probabilities − one-hot label, measured on the %d"
        + " validation samples:%n  v = E|ε_i|² = %.5f   c = E[ε_i·ε_j] = %.5f   c/v = %.3f%n",
        split.validation().size(), errors.v(), errors.c(), errors.correlation());
    out.printf(Locale.ROOT, "  predicted for the %d-member soft vote: v/k + (k−1)c/k = %.5f;"
        + " observed on the test set: %.5f (%+.1f%%)%n", members, predicted, observed,
        100 * (observed - predicted) / predicted);
    out.printf(Locale.ROOT, "  relative to one member's error: predicted ×%.3f (v/k + (k−1)c/k over"
        + " v), observed ×%.3f (the ensemble's over the members' mean on the test set)%n",
        predicted / errors.v(), observed / onTest.v());
    out.printf(Locale.ROOT, "  (on the test set's own v = %.5f and c = %.5f the formula gives"
        + " %.5f: on one sample it is an identity)%n", onTest.v(), onTest.c(),
        onTest.predicted(members));
    ensemble.outOfBag().ifPresent(oob -> out.printf(Locale.ROOT,
        "Out-of-bag estimate of the %d-member soft vote: %.4f on %d training samples; test: %.4f%n",
        members, oob.accuracy(), oob.covered(), soft.get(members - 1)));

    String note = note(members, soft, meanMember, test, bootstrap);
    out.println(note);

    EnsembleAccuracyChart.of(soft, hard, memberAccuracies)
        .title(String.format(Locale.ROOT, "Bagged Fashion-MNIST MLPs, test accuracy (%d epochs%s)",
            epochs, bootstrap ? ", bootstrap" : ""))
        .write(plot);
    out.printf(Locale.ROOT, "Plot: %s; trained in %.1f s%n", plot.toAbsolutePath(), seconds);

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("members", memberRows);
    json.put("ensemble", ensembleRows);
    json.put("v", errors.v());
    json.put("c", errors.c());
    json.put("predicted_variance", predicted);
    json.put("observed_variance", observed);
    json.put("mean_member_accuracy", meanMember);
    json.put("note", note);
    json.put("plot", plot.toAbsolutePath().toString());
    json.put("train_seconds", seconds);
    return json;
  }

  /** Whether 5 members beat the mean member by a point, and if not, why. */
  private static String note(int members, List<Double> soft, double meanMember, Predictions test,
      boolean bootstrap) {
    if (members < 5) {
      return String.format(Locale.ROOT, "Fewer than 5 members: %d members' soft vote is %+.2f"
          + " points from the mean member.", members, 100 * (soft.get(members - 1) - meanMember));
    }
    double meanOfFive = 0;
    for (int m = 0; m < 5; m++) {
      meanOfFive += test.memberAccuracy(m) / 5;
    }
    double gain = 100 * (soft.get(4) - meanOfFive);
    if (gain >= 1) {
      return String.format(Locale.ROOT, "The 5-member soft vote beats its mean member by %.2f"
          + " points (%.4f vs %.4f).", gain, soft.get(4), meanOfFive);
    }
    return String.format(Locale.ROOT, "The 5-member soft vote beats its mean member by only %.2f"
        + " points (%.4f vs %.4f): averaging removes only the part of the error that differs"
        + " between members, and c/v near 1 means they mostly make the same mistakes%s.", gain,
        soft.get(4), meanOfFive, bootstrap ? "" : " (without bootstrap only the seeds differ)");
  }

  private static EnsembleListener progress(PrintStream out) {
    return new EnsembleListener() {
      @Override
      public void onMemberDone(MemberResult r) {
        var last = r.epochs().get(r.epochs().size() - 1);
        synchronized (out) {
          out.printf(Locale.ROOT, "  member %d done: %d epochs, out-of-bag accuracy %.4f on %d"
              + " samples, %.1f s (%s)%n", r.index(), r.epochs().size(), last.validationAccuracy(),
              r.outOfBag().length, r.seconds(), r.trainedBy());
        }
      }

      @Override
      public void onMemberRetry(int index, String reason) {
        synchronized (out) {
          out.printf(Locale.ROOT, "  member %d goes to another cluster member: %s%n", index,
              reason);
        }
      }
    };
  }

  private static boolean bool(Options options, String name, boolean fallback) {
    String v = options.string(name, null);
    if (v == null) {
      return fallback;
    }
    return switch (v) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new Options.UsageException(name + " must be true or false, got '" + v + "'");
    };
  }
}
