package dev.lamina.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server on 127.0.0.1 and a free port, serving {@code files} by name at the root and
 * 404 for anything else. A file listed in {@code truncated} is announced in full but cut off
 * halfway. Records the paths requested.
 */
final class FileServer implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, byte[]> files;
  private final List<String> truncated;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  FileServer(Map<String, byte[]> files, List<String> truncated) throws IOException {
    this.files = Map.copyOf(files);
    this.truncated = List.copyOf(truncated);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  FileServer(Map<String, byte[]> files) throws IOException {
    this(files, List.of());
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  List<String> requests() {
    return requests;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String name = exchange.getRequestURI().getPath().substring(1);
    requests.add(name);
    byte[] content = files.get(name);
    try (exchange) {
      if (content == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      exchange.sendResponseHeaders(200, content.length);
      OutputStream body = exchange.getResponseBody();
      if (truncated.contains(name)) {
        body.write(content, 0, content.length / 2);
        body.flush();
        // Closing the exchange before the announced length is sent drops the connection.
        return;
      }
      body.write(content);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
