package dev.lamina;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Two or more earlier layers side by side, as {@code torch.cat(dim=1)}: images along channels
 * (their heights and widths must be equal), flat layers along features. The output has the inputs'
 * channels (or features) in the order named. It computes nothing else: put an activation,
 * normalization or dropout on the layer that reads it.
 *
 * <pre>{@code
 * @Conv2d(filters = 16, kernel = 1) @Activation(RELU) Layer narrow;                  // (16, 14, 14)
 * @From("pool1") @Conv2d(filters = 16, kernel = 3, padding = 1) @Activation(RELU) Layer wide;
 * @Concat({"narrow", "wide"}) Layer both;                                            // (32, 14, 14)
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.FIELD)
public @interface Concat {
  /**
   * {@return the names of the layers placed side by side, in order: two or more earlier layer
   * fields}
   */
  String[] value();
}
