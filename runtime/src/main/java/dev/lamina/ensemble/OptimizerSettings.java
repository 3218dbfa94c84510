package dev.lamina.ensemble;

import dev.lamina.train.Adam;
import dev.lamina.train.Optimizer;
import dev.lamina.train.Sgd;
import java.io.Serializable;

/**
 * An optimizer as plain data, so that a task can carry it to a cluster member: Adam and SGD by
 * their settings, any other optimizer as itself (it travels only if it is {@link Serializable}).
 */
public sealed interface OptimizerSettings extends Serializable {
  Optimizer optimizer();

  /** Whether it can be sent to another JVM. */
  boolean portable();

  static OptimizerSettings of(Optimizer optimizer) {
    return switch (optimizer) {
      case Adam a -> new AdamSettings(a.learningRate(), a.beta1(), a.beta2(), a.epsilon());
      case Sgd s -> new SgdSettings(s.learningRate(), s.momentum(), s.nesterov());
      default -> new Given(optimizer);
    };
  }

  record AdamSettings(double learningRate, double beta1, double beta2, double epsilon)
      implements OptimizerSettings {
    @Override
    public Optimizer optimizer() {
      return new Adam(learningRate, beta1, beta2, epsilon);
    }

    @Override
    public boolean portable() {
      return true;
    }
  }

  record SgdSettings(double learningRate, double momentum, boolean nesterov)
      implements OptimizerSettings {
    @Override
    public Optimizer optimizer() {
      return new Sgd(learningRate, momentum, nesterov);
    }

    @Override
    public boolean portable() {
      return true;
    }
  }

  /** An optimizer Lamina cannot describe as data. */
  record Given(Optimizer optimizer) implements OptimizerSettings {
    @Override
    public boolean portable() {
      return optimizer instanceof Serializable;
    }
  }
}
