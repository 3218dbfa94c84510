package dev.lamina.train;

import dev.lamina.nn.Network;

/** A trained network and how its training went. */
public record TrainingResult<N extends Network>(N network, History history) {}
