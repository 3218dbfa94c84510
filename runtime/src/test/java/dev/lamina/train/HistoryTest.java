package dev.lamina.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lamina.testing.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** History as CSV and JSON. */
class HistoryTest {
  static History sample() {
    History h = new History();
    h.add(new EpochStats(1, 1.25, 0.5, 1.5, 0.4, 2.0, 100, 0.001));
    h.add(new EpochStats(2, 0.75, 0.75, Double.NaN, 0.625, 2.5, 90, 5.0E-4));
    h.end(new TrainingEnd(TrainingEnd.Reason.EARLY_STOPPED, 2, 20, 1, "validation loss", 1.5, true,
        "validation loss did not beat \"its\" best"));
    return h;
  }

  @Test
  void csvHasAHeaderAndOneLinePerEpoch() {
    assertEquals("""
        epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,learning_rate,seconds
        1,1.25,0.5,1.5,0.4,0.001,2.0
        2,0.75,0.75,NaN,0.625,5.0E-4,2.5
        """, sample().toCsv());
  }

  @Test
  void jsonHoldsTheEpochsAndTheEnd() {
    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) Json.parse(sample().toJson());
    List<?> epochs = (List<?>) json.get("epochs");
    assertEquals(2, epochs.size());
    Map<?, ?> second = (Map<?, ?>) epochs.get(1);
    assertEquals("0.75", second.get("train_accuracy").toString());
    assertEquals(null, second.get("validation_loss"), "non-finite numbers are null");
    assertEquals("5.0E-4", second.get("learning_rate").toString());
    Map<?, ?> end = (Map<?, ?>) json.get("end");
    assertEquals("EARLY_STOPPED", end.get("reason"));
    assertEquals("1", end.get("best_epoch").toString());
    assertEquals(true, end.get("restored"));
    assertEquals("validation loss did not beat \"its\" best", end.get("message"));
  }

  @Test
  void endIsUnknownWhileTrainingRuns() {
    History h = new History();
    assertEquals(false, h.hasEnded());
    assertEquals("training has not ended yet",
        assertThrows(IllegalStateException.class, h::end).getMessage());
    assertEquals("{\"epochs\": [],\n\"end\": null}\n", h.toJson());
  }
}
