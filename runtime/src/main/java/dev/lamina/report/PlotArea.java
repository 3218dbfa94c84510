package dev.lamina.report;

/**
 * A chart's plotting rectangle, {@code width × height} pixels from ({@code left}, {@code top}),
 * and its two axes: where a value lands in pixels, y growing upwards.
 */
record PlotArea(int left, int top, int width, int height, ChartAxis horizontal,
    ChartAxis vertical) {
  int x(double value) {
    return left + (int) Math.round((value - horizontal.min()) / horizontal.span() * width);
  }

  int y(double value) {
    return top + height - (int) Math.round((value - vertical.min()) / vertical.span() * height);
  }
}
