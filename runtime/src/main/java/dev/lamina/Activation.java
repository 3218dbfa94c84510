package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The nonlinearity applied to a {@link Dense} layer's output. Without it, the layer is linear. */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.FIELD)
public @interface Activation {
  /** {@return the function applied to each unit of the layer's output} */
  Nonlinearity value();

  /** {@return negative slope of {@link Nonlinearity#LEAKY_RELU}; must be in (0, 1)} */
  double slope() default 0.01;
}
