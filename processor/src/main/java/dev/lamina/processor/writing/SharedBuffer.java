package dev.lamina.processor.writing;

/**
 * A scratch array that every layer of one kind uses in turn, so the network holds one.
 *
 * @param name the field's name
 * @param floatsPerRow the floats one sample needs, the largest over the layers
 * @param javadoc what the field holds
 */
record SharedBuffer(String name, int floatsPerRow, String javadoc) {}
