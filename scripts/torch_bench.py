"""What the PyTorch sides of the benches share. Import it after checking that torch is installed."""
import torch.nn as nn


def training_steps(net, optimizer, x, y, batch):
    """steps(count, start): `count` training steps of cross-entropy on `net`, the batches taken
    in order from batch number `start` on, wrapping around x and y."""
    loss_fn = nn.CrossEntropyLoss()
    n = x.shape[0]

    def steps(count, start):
        for s in range(count):
            i = ((start + s) * batch) % (n - batch)
            optimizer.zero_grad(set_to_none=True)
            loss = loss_fn(net(x[i:i + batch]), y[i:i + batch])
            loss.backward()
            optimizer.step()

    return steps
