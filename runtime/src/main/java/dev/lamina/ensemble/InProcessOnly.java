package dev.lamina.ensemble;

import java.io.NotSerializableException;
import java.io.ObjectStreamException;
import java.io.Serializable;

/**
 * A setting that is code, such as an {@code Augmentation}, held in a task that must stay in this
 * JVM. Sending it elsewhere fails with a message that says which setting and why; a cluster
 * refuses such tasks before it sends any.
 */
public record InProcessOnly<T>(String name, T value) implements Serializable {
  @java.io.Serial
  private Object writeReplace() throws ObjectStreamException {
    throw new NotSerializableException(name + " is code and cannot travel to cluster members;"
        + " train in-process, or leave it out");
  }
}
