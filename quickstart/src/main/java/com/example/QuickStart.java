package com.example;

import dev.lamina.data.DataSource;
import dev.lamina.data.Dataset;
import dev.lamina.data.FashionMnist;
import dev.lamina.nn.Evaluation;
import dev.lamina.train.Optimizer;
import dev.lamina.train.ProgressBar;
import dev.lamina.train.TrainingResult;

public class QuickStart {
  public static void main(String[] args) throws Exception {
    FashionMnist data = FashionMnist.load(DataSource.standard());  // finds or downloads it
    Dataset.Split split = data.train().split(1.0 / 12, 42);       // 55,000 train, 5,000 validation

    TrainingResult<FashionMlpNet> result = FashionMlpNet.trainer()
        .optimizer(Optimizer.adam(1e-3))
        .epochs(5)
        .batchSize(128)
        .seed(42)                                  // same seed, same weights, bit for bit
        .listener(new ProgressBar(System.out))
        .build()
        .fit(split.train(), split.validation());
    FashionMlpNet network = result.network();

    Evaluation test = network.evaluate(data.test());   // inference mode: no dropout
    System.out.printf("test accuracy %.4f%n", test.accuracy());

    float[] image = new float[FashionMnist.FEATURES];  // one sample: 784 pixels, value / 255
    data.test().copyFeatures(0, image, 0);
    int[] classes = network.predict(image, 1);         // the most likely class of each row
    System.out.println("first test image: " + FashionMnist.CLASS_NAMES[classes[0]]);
  }
}
