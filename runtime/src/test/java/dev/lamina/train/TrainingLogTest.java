package dev.lamina.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TrainingLog reports through System.Logger, which a JVM without another logging backend routes to
 * java.util.logging: a handler there sees one record per epoch and one for an early stop.
 */
class TrainingLogTest {
  private final Logger julLogger = Logger.getLogger(TrainingLog.LOGGER_NAME);
  private final List<LogRecord> records = new ArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void listen() {
    julLogger.addHandler(handler);
    julLogger.setUseParentHandlers(false);
  }

  @AfterEach
  void stopListening() {
    julLogger.removeHandler(handler);
    julLogger.setUseParentHandlers(true);
  }

  @Test
  void eachEpochIsOneInfoRecordWithItsFigures() {
    TinyModel.trainer().epochs(3).listener(new TrainingLog()).build()
        .fit(TinyModel.data(64, 1), TinyModel.data(32, 2));
    assertEquals(3, records.size(), () -> "records: " + messages());
    for (int epoch = 1; epoch <= 3; epoch++) {
      LogRecord record = records.get(epoch - 1);
      assertEquals(Level.INFO, record.getLevel());
      assertTrue(record.getMessage().matches("epoch " + epoch + "/3: loss \\d\\.\\d{4} acc \\d\\.\\d{4}, "
          + "validation loss \\d\\.\\d{4} acc \\d\\.\\d{4}, .* samples/s"), record.getMessage());
    }
  }

  @Test
  void anEarlyStopIsRecordedWithItsReason() {
    double[] script = {3, 2, 1, 2, 3, 4};
    TinyModel.trainer().epochs(6).earlyStopping(EarlyStopping.on(
            Metric.minimize("scripted", (s, n) -> script[s.epoch() - 1])).patience(2))
        .listener(new TrainingLog()).build()
        .fit(TinyModel.data(64, 1), TinyModel.data(32, 2));
    String last = records.getLast().getMessage();
    assertEquals(6, records.size(), () -> "5 epochs and the stop: " + messages());
    assertTrue(last.startsWith("training ended at epoch 5 (EARLY_STOPPED): scripted did not beat"),
        last);
    assertTrue(last.endsWith("; restored the weights of epoch 3"), last);
  }

  private List<String> messages() {
    return records.stream().map(LogRecord::getMessage).toList();
  }
}
