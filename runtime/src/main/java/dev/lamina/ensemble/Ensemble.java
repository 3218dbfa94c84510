package dev.lamina.ensemble;

import dev.lamina.data.Dataset;
import dev.lamina.nn.Network;
import dev.lamina.nn.Parameter;
import dev.lamina.nn.StateTensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Trained members that predict together: the mean of their outputs (regression), the soft vote
 * (mean probabilities) or the hard vote (majority). Sums run in member order, so a prediction is
 * the same bits wherever it is computed. Not thread-safe, like the networks it holds.
 *
 * <pre>{@code
 * Ensemble<FashionMlpNet> ensemble = Bagging.builder(FashionMlpNet.class)
 *     .members(5).training(TrainingConfig.builder().epochs(10).build()).build()
 *     .fit(train);
 * int[] classes = ensemble.predict(images, rows, Aggregation.SOFT_VOTE);
 * ensemble.save(Path.of("fashion.ensemble"));
 * }</pre>
 *
 * @param <N> the type of each member's network
 */
public final class Ensemble<N extends Network> {
  private final ModelRef<N> model;
  private final List<Member<N>> members;

  private Ensemble(ModelRef<N> model, List<Member<N>> members) {
    this.model = model;
    this.members = List.copyOf(members);
  }

  /**
   * Creates each member's network with {@code model} and gives it the result's weights.
   *
   * @param <N> the type of each member's network
   * @param model creates each member's network
   * @param results the members' results, in member order, at least one
   * @return the ensemble
   */
  public static <N extends Network> Ensemble<N> of(ModelRef<N> model, List<MemberResult> results) {
    Objects.requireNonNull(model, "model");
    if (results.isEmpty()) {
      throw new IllegalArgumentException("an ensemble needs at least one member, got none");
    }
    List<Member<N>> members = new ArrayList<>();
    for (MemberResult result : results) {
      N network = model.create(result.seed());
      restore(network, result);
      members.add(new Member<>(network, result));
    }
    return new Ensemble<>(model, members);
  }

  /** {@return the members, in member order (unmodifiable)} */
  public List<Member<N>> members() {
    return members;
  }

  /** {@return the number of members} */
  public int size() {
    return members.size();
  }

  /**
   * The ensemble of the first {@code k} members: ensembles of every size from one training.
   *
   * @param k how many members, in [1, size]
   * @return an ensemble sharing the first {@code k} members' networks
   * @throws IllegalArgumentException if {@code k} is out of range
   */
  public Ensemble<N> first(int k) {
    if (k <= 0 || k > members.size()) {
      throw new IllegalArgumentException("k must be in [1, " + members.size() + "], got " + k);
    }
    return new Ensemble<>(model, members.subList(0, k));
  }

  /** {@return the number of input values per sample, the members' {@code inputSize()}} */
  public int inputSize() {
    return members.get(0).network().inputSize();
  }

  /** {@return the number of output values per sample (classes, or regression targets)} */
  public int outputSize() {
    return members.get(0).network().outputSize();
  }

  /**
   * The mean of the members' raw outputs for {@code rows} samples: the regression prediction.
   *
   * @param input {@code rows × inputSize} values, row-major
   * @param rows the number of samples
   * @return {@code rows × outputSize} means, row-major
   */
  public float[] meanOutput(float[] input, int rows) {
    double[] sums = new double[rows * outputSize()];
    for (Member<N> m : members) {
      Votes.accumulate(sums, m.network().forwardInfer(input, rows), sums.length);
    }
    return mean(sums);
  }

  /**
   * The mean of the members' scores: class probabilities for a softmax cross-entropy model (the
   * soft vote's), raw outputs for one trained with mean squared error.
   *
   * @param input {@code rows × inputSize} values, row-major
   * @param rows the number of samples
   * @return {@code rows × outputSize} means, row-major
   */
  public float[] probabilities(float[] input, int rows) {
    return mean(scoreSums(input, rows, null));
  }

  /**
   * The class of each of {@code rows} samples, aggregated as {@code aggregation} says.
   *
   * @param input {@code rows × inputSize} values, row-major
   * @param rows the number of samples
   * @param aggregation soft vote (mean probabilities) or hard vote (majority, a tie to the tied
   *     class with the highest mean probability)
   * @return one class per sample
   */
  public int[] predict(float[] input, int rows, Aggregation aggregation) {
    int classes = outputSize();
    int[] predicted = new int[rows];
    switch (aggregation) {
      case MEAN -> {
        float[] mean = meanOutput(input, rows);
        for (int r = 0; r < rows; r++) {
          predicted[r] = Votes.argmax(mean, r * classes, classes);
        }
      }
      case SOFT_VOTE -> {
        double[] sums = scoreSums(input, rows, null);
        for (int r = 0; r < rows; r++) {
          predicted[r] = Votes.argmax(sums, r * classes, classes);
        }
      }
      case HARD_VOTE -> {
        int[][] votes = new int[members.size()][];
        double[] sums = scoreSums(input, rows, votes);
        predicted = Votes.hardVote(votes, sums, rows, classes);
      }
    }
    return predicted;
  }

  /**
   * Every member's scores on {@code data}, to judge the ensemble and each of its prefixes.
   *
   * @param data labelled samples
   * @return each member's scores and the labels
   */
  public Predictions predictions(Dataset data) {
    List<float[]> scores = new ArrayList<>();
    for (Member<N> m : members) {
      scores.add(MemberTraining.scores(m.network(), data));
    }
    return Predictions.of(scores, data, outputSize());
  }

  /**
   * The out-of-bag estimate over the training set; empty when the members trained without
   * bootstrap (no sample was left out).
   *
   * @return the estimate, or empty
   */
  public Optional<OutOfBag> outOfBag() {
    List<MemberResult> results = members.stream().map(Member::result).toList();
    OutOfBag oob = OutOfBag.of(results, outputSize());
    return oob.covered() == 0 ? Optional.empty() : Optional.of(oob);
  }

  /**
   * Writes every member (weights, seed, out-of-bag scores, epochs) to one file, atomically.
   *
   * @param file the file, replaced whole
   * @throws IOException if it cannot be written
   */
  public void save(Path file) throws IOException {
    EnsembleFile.write(file, model.className().orElse(""),
        members.stream().map(Member::result).toList());
  }

  /**
   * Reads an ensemble that {@link #save} wrote, creating the networks with {@code model}.
   *
   * @param <N> the type of each member's network
   * @param file a file {@link #save} wrote
   * @param model creates each member's network; it must be the model that was saved
   * @return the ensemble
   * @throws IOException if the file cannot be read or is not an ensemble file
   */
  public static <N extends Network> Ensemble<N> load(Path file, ModelRef<N> model)
      throws IOException {
    EnsembleFile.Contents contents = EnsembleFile.read(file);
    String saved = contents.modelClass();
    String given = model.className().orElse("");
    if (!saved.isEmpty() && !given.isEmpty() && !saved.equals(given)) {
      throw new IllegalArgumentException(file + " holds members of " + saved + ", not of " + given
          + "; load it with ModelRef.of(" + saved.substring(saved.lastIndexOf('.') + 1)
          + ".class)");
    }
    return of(model, contents.members());
  }

  /** Sums of the members' scores; fills {@code votes[m]} with member m's classes when given. */
  private double[] scoreSums(float[] input, int rows, int[][] votes) {
    int classes = outputSize();
    double[] sums = new double[rows * classes];
    float[] scores = new float[rows * classes];
    for (int m = 0; m < members.size(); m++) {
      Network network = members.get(m).network();
      MemberTraining.toScores(network, network.forwardInfer(input, rows), rows, scores, 0);
      Votes.accumulate(sums, scores, sums.length);
      if (votes != null) {
        votes[m] = new int[rows];
        for (int r = 0; r < rows; r++) {
          votes[m][r] = Votes.argmax(scores, r * classes, classes);
        }
      }
    }
    return sums;
  }

  private float[] mean(double[] sums) {
    float[] mean = new float[sums.length];
    for (int i = 0; i < sums.length; i++) {
      mean[i] = (float) (sums[i] / members.size());
    }
    return mean;
  }

  /** Copies the result's parameters, then its state tensors, into {@code network}. */
  private static void restore(Network network, MemberResult result) {
    List<String> expected = new ArrayList<>();
    List<float[]> targets = new ArrayList<>();
    for (Parameter p : network.parameters()) {
      expected.add(p.name());
      targets.add(p.values());
    }
    for (StateTensor t : network.state()) {
      expected.add(t.name());
      targets.add(t.values());
    }
    if (!expected.equals(result.names())) {
      throw new IllegalArgumentException("member " + result.index() + " holds " + result.names()
          + " but " + network.spec().name() + " has " + expected
          + "; was it trained as another model?");
    }
    for (int i = 0; i < targets.size(); i++) {
      float[] values = result.values().get(i);
      if (values.length != targets.get(i).length) {
        throw new IllegalArgumentException("member " + result.index() + "'s " + expected.get(i)
            + " has " + values.length + " values but " + network.spec().name() + " expects "
            + targets.get(i).length);
      }
      System.arraycopy(values, 0, targets.get(i), 0, values.length);
    }
  }
}
