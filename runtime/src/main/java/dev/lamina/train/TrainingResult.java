package dev.lamina.train;

import dev.lamina.nn.Network;

/**
 * A trained network and how its training went.
 *
 * @param <N> the network's type
 * @param network the trained network, with the weights {@link TrainingEnd#restored()} describes
 * @param history every epoch's figures and how training ended
 */
public record TrainingResult<N extends Network>(N network, History history) {}
