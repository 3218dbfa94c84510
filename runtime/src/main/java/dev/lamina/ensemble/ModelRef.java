package dev.lamina.ensemble;

import dev.lamina.nn.Network;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * How to create a member's network from a seed. Named by class, it can be created on any JVM
 * whose class path has that class, so it runs on a cluster; given as a factory (a lambda), it
 * runs only in this JVM.
 *
 * @param <N> the type of network created
 */
public final class ModelRef<N extends Network> {
  private final LongFunction<N> factory;
  private final String className;

  private ModelRef(LongFunction<N> factory, String className) {
    this.factory = factory;
    this.className = className;
  }

  /**
   * A network class with a public constructor taking the seed, as every generated
   * {@code <Model>Net} has.
   *
   * @param <N> the network class
   * @param type the class
   * @return a reference that works on any JVM with the class
   * @throws IllegalArgumentException if the class has no public {@code (long)} constructor
   */
  public static <N extends Network> ModelRef<N> of(Class<N> type) {
    Constructor<N> constructor = constructor(Objects.requireNonNull(type, "type"));
    return new ModelRef<>(seed -> create(constructor, seed), type.getName());
  }

  /**
   * A factory such as {@code FashionMlpNet::new}: in-process only.
   *
   * @param <N> the network's type
   * @param factory makes a network from a seed
   * @return a reference for this JVM only
   */
  public static <N extends Network> ModelRef<N> of(LongFunction<N> factory) {
    return new ModelRef<>(Objects.requireNonNull(factory, "factory"), null);
  }

  /**
   * The class named {@code className}, loaded by {@code loader}: how a cluster member finds it.
   *
   * @param className the binary name of a {@link Network} class
   * @param loader the class loader to load it with
   * @return a reference to the class
   * @throws IllegalArgumentException if the class is missing or not a network
   */
  public static ModelRef<Network> forName(String className, ClassLoader loader) {
    Class<?> type;
    try {
      type = Class.forName(className, true, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("model class " + className + " is not on this JVM's"
          + " class path; every cluster member needs the jar that holds it", e);
    }
    if (!Network.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(
          "model class " + className + " must implement " + Network.class.getName());
    }
    @SuppressWarnings("unchecked")
    Class<Network> networkType = (Class<Network>) type;
    return of(networkType);
  }

  /**
   * {@return a new network with weights initialized from {@code seed}}
   *
   * @param seed the network's seed
   */
  public N create(long seed) {
    return factory.apply(seed);
  }

  /** {@return the function that creates a network from a seed} */
  public LongFunction<N> factory() {
    return factory;
  }

  /**
   * The class name, when the model is named by class; empty for a factory.
   *
   * @return the binary class name, or empty
   */
  public Optional<String> className() {
    return Optional.ofNullable(className);
  }

  private static <N> Constructor<N> constructor(Class<N> type) {
    try {
      return type.getConstructor(long.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException("model class " + type.getName() + " must have a public"
          + " constructor taking the seed, (long seed), as generated networks do", e);
    }
  }

  private static <N> N create(Constructor<N> constructor, long seed) {
    try {
      return constructor.newInstance(seed);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("creating " + constructor.getDeclaringClass().getName()
          + " failed: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + constructor.getDeclaringClass().getName()
          + ": " + e, e);
    }
  }

  @Override
  public String toString() {
    return className != null ? className : "a factory (in-process only)";
  }
}
