package dev.lamina.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/lamina tabular-lab --json} on the CSV files of Debian's python3-sklearn (CI installs
 * it; skipped without it): the last line has the keys for the four datasets, and each
 * cross-validated figure is at least scikit-learn's on the same folds, as
 * scripts/tabular_lab_sklearn.py measured them (MLPClassifier / MLPRegressor, and ridge for
 * diabetes; see docs/tasks.md).
 */
class TabularLabCommandTest {
  private static final double SKLEARN_BREAST_CANCER_ACCURACY = 0.9736842105263157;
  private static final double SKLEARN_BREAST_CANCER_AUC = 0.9944135180887258;
  private static final double SKLEARN_DIGITS_ACCURACY = 0.9810770659238626;
  private static final double SKLEARN_WINE_ACCURACY = 0.9771428571428571;
  private static final double SKLEARN_DIABETES_RIDGE_R2 = 0.49591522945353683;

  @Test
  void everyDatasetIsAtLeastAsGoodAsScikitLearnOnTheSameFolds() throws Exception {
    assumeTrue(Files.isRegularFile(TabularData.SKLEARN.resolve("breast_cancer.csv")),
        "python3-sklearn's CSV files are not installed");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"tabular-lab", "--threads", "2", "--json"},
        new PrintStream(bytes, true, StandardCharsets.UTF_8), System.err);
    String output = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, output);
    String[] lines = output.strip().split("\n");
    String json = lines[lines.length - 1];
    assertTrue(json.startsWith("{\"datasets\": [{\"name\": \"breast_cancer\", \"task\": \"binary\","
        + " \"samples\": 569, \"features\": 30, \"folds\": 5, \"accuracy\": "), json);
    assertTrue(json.contains("{\"name\": \"digits\", \"task\": \"multiclass\", \"samples\": 1797, "
        + "\"features\": 64, \"folds\": 5, \"accuracy\": "), json);
    assertTrue(json.contains("{\"name\": \"wine\", \"task\": \"multiclass\", \"samples\": 178, "
        + "\"features\": 13, \"folds\": 5, \"accuracy\": "), json);
    assertTrue(json.contains("{\"name\": \"diabetes\", \"task\": \"regression\", \"samples\": 442, "
        + "\"features\": 10, \"folds\": 5, \"r2\": "), json);
    assertAtLeast(json, "breast_cancer", "accuracy", SKLEARN_BREAST_CANCER_ACCURACY);
    assertAtLeast(json, "breast_cancer", "auc", SKLEARN_BREAST_CANCER_AUC);
    assertAtLeast(json, "digits", "accuracy", SKLEARN_DIGITS_ACCURACY);
    assertAtLeast(json, "wine", "accuracy", SKLEARN_WINE_ACCURACY);
    assertAtLeast(json, "diabetes", "r2", SKLEARN_DIABETES_RIDGE_R2);
  }

  private static void assertAtLeast(String json, String dataset, String key, double sklearn) {
    Matcher m = Pattern.compile("\"name\": \"" + dataset + "\"[^}]*\"" + key
        + "\": ([0-9.E-]+)").matcher(json);
    assertTrue(m.find(), dataset + " has no " + key + " in " + json);
    double value = Double.parseDouble(m.group(1));
    assertTrue(value >= sklearn, dataset + " " + key + " " + value + " is below scikit-learn's "
        + sklearn);
  }
}
