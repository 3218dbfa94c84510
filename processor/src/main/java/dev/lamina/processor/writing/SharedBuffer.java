package dev.lamina.processor.writing;

/**
 * Scratch that every layer of one kind uses in turn, so the network holds one: an array per part
 * of a pass ({@code float[parts][floatsPerPart]}), allocated by {@code allocateParts}.
 *
 * @param name the field's name
 * @param floatsPerPart the floats one part needs, the largest over the layers
 * @param javadoc what the field holds
 */
record SharedBuffer(String name, int floatsPerPart, String javadoc) {}
