package dev.asynclint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A headless Chromium driven over the DevTools protocol, with nothing but the JDK's HTTP client and
 * Jackson: one page, its console errors, uncaught exceptions and dialogs collected as {@link
 * #problems()}, scripts evaluated in it and screenshots of it. {@link #close()} always ends the
 * browser and all its processes.
 */
final class HeadlessChromium implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final List<String> NAMES =
      List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");

  private final ObjectMapper json = new ObjectMapper();
  private final Process process;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<JsonNode>> awaited = new ConcurrentHashMap<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private WebSocket socket;

  /**
   * The browser named by {@code ASYNCLINT_CHROMIUM}, or the first Chromium or Chrome on the PATH.
   */
  static Optional<Path> find() {
    String configured = System.getenv("ASYNCLINT_CHROMIUM");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(Files::isExecutable);
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String name : NAMES) {
      for (String dir : path.split(File.pathSeparator)) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private final Path profile;

  private HeadlessChromium(Process process, Path profile) {
    this.process = process;
    this.profile = profile;
  }

  /** Starts the browser with its profile in {@code profile} (an empty, disposable folder). */
  static HeadlessChromium launch(Path binary, Path profile) throws Exception {
    Process process =
        new ProcessBuilder(
                binary.toString(),
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-extensions",
                "--disable-background-networking",
                "--no-first-run",
                "--no-default-browser-check",
                "--remote-debugging-port=0",
                "--user-data-dir=" + profile,
                "--window-size=1280,800",
                "about:blank")
            .redirectErrorStream(true)
            .redirectOutput(profile.resolveSibling(profile.getFileName() + ".log").toFile())
            .start();
    HeadlessChromium browser = new HeadlessChromium(process, profile);
    try {
      browser.connect(port(profile, process));
      browser.send("Page.enable");
      browser.send("Runtime.enable");
      browser.send("Log.enable");
      return browser;
    } catch (Exception | Error e) {
      browser.close();
      throw e;
    }
  }

  /** The debugging port Chromium chose, from the {@code DevToolsActivePort} file of its profile. */
  private static int port(Path profile, Process process) throws Exception {
    Path file = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(file)) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (!lines.isEmpty() && !lines.get(0).isBlank()) {
          return Integer.parseInt(lines.get(0).strip());
        }
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("chromium exited with status " + process.exitValue());
      }
      Thread.sleep(50);
    }
    throw new TimeoutException("chromium wrote no DevToolsActivePort within " + TIMEOUT);
  }

  private void connect(int port) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/new?about:blank"))
                .PUT(HttpRequest.BodyPublishers.noBody())
                .timeout(TIMEOUT)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() != 200) {
      throw new IllegalStateException("cannot open a page: " + created.body());
    }
    String address = json.readTree(created.body()).path("webSocketDebuggerUrl").asText();
    socket =
        http.newWebSocketBuilder()
            .connectTimeout(TIMEOUT)
            .buildAsync(URI.create(address), new Listener())
            .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  /** Console errors, uncaught exceptions and dialogs of the page so far. */
  List<String> problems() {
    return List.copyOf(problems);
  }

  JsonNode send(String method) throws Exception {
    return send(method, json.createObjectNode());
  }

  /** Sends a command and waits for its result; a protocol error fails. */
  JsonNode send(String method, ObjectNode params) throws Exception {
    JsonNode reply = sendAsync(method, params).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new IllegalStateException(method + " failed: " + reply.get("error"));
    }
    return reply.path("result");
  }

  private CompletableFuture<JsonNode> sendAsync(String method, ObjectNode params) {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    ObjectNode message = json.createObjectNode().put("id", id).put("method", method);
    message.set("params", params);
    synchronized (this) {
      socket.sendText(message.toString(), true).join();
    }
    return reply;
  }

  ObjectNode params() {
    return json.createObjectNode();
  }

  /**
   * Loads {@code url} and waits for its load event and then for {@code readyExpression} to be true;
   * returns the milliseconds from the navigation to then.
   */
  long open(String url, String readyExpression) throws Exception {
    CompletableFuture<JsonNode> loaded = new CompletableFuture<>();
    awaited.put("Page.loadEventFired", loaded);
    long start = System.nanoTime();
    send("Page.navigate", params().put("url", url));
    loaded.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    waitFor(readyExpression);
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  /** Waits until {@code expression} evaluates to true in the page. */
  void waitFor(String expression) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!evaluate(expression).asBoolean(false)) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("still false after " + TIMEOUT + ": " + expression);
      }
      Thread.sleep(20);
    }
  }

  /** The value of {@code expression} in the page, as JSON; an exception thrown by it fails. */
  JsonNode evaluate(String expression) throws Exception {
    JsonNode result =
        send(
            "Runtime.evaluate",
            params()
                .put("expression", expression)
                .put("returnByValue", true)
                .put("awaitPromise", true));
    if (result.has("exceptionDetails")) {
      throw new AssertionError(
          "evaluating " + expression + " threw " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** A PNG of the viewport, {@code width} by {@code height} CSS pixels. */
  void screenshot(Path file, int width, int height) throws Exception {
    send(
        "Emulation.setDeviceMetricsOverride",
        params()
            .put("width", width)
            .put("height", height)
            .put("deviceScaleFactor", 1)
            .put("mobile", false));
    JsonNode shot = send("Page.captureScreenshot", params().put("format", "png"));
    Files.createDirectories(file.getParent());
    Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
  }

  @Override
  public void close() {
    // Chromium keeps its singleton socket in a folder of its own under the temporary folder.
    Path socketFolder = null;
    try {
      socketFolder = Files.readSymbolicLink(profile.resolve("SingletonSocket")).getParent();
    } catch (IOException | UnsupportedOperationException e) {
      // No socket link: nothing to clean up after the browser.
    }
    List<ProcessHandle> children = new ArrayList<>();
    process.descendants().forEach(children::add);
    if (socket != null) {
      try {
        sendAsync("Browser.close", params()).get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        // Ended the hard way below.
      }
      socket.abort();
    }
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    children.forEach(ProcessHandle::destroyForcibly);
    if (socketFolder != null
        && socketFolder.getFileName().toString().startsWith("org.chromium.Chromium.")) {
      deleteQuietly(socketFolder);
    }
  }

  private static void deleteQuietly(Path folder) {
    try (var files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      // Left for the system's cleaning of its temporary folder.
    }
  }

  private void onMessage(String text) {
    JsonNode message;
    try {
      message = json.readTree(text);
    } catch (IOException e) {
      problems.add("unreadable protocol message: " + text);
      return;
    }
    if (message.has("id")) {
      CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
      if (reply != null) {
        reply.complete(message);
      }
      return;
    }
    String method = message.path("method").asText();
    JsonNode params = message.path("params");
    switch (method) {
      case "Runtime.exceptionThrown":
        JsonNode details = params.path("exceptionDetails");
        problems.add(
            "uncaught exception: "
                + details
                    .path("exception")
                    .path("description")
                    .asText(details.path("text").asText()));
        break;
      case "Runtime.consoleAPICalled":
        String type = params.path("type").asText();
        if (type.equals("error") || type.equals("assert")) {
          problems.add("console." + type + ": " + params.path("args"));
        }
        break;
      case "Log.entryAdded":
        JsonNode entry = params.path("entry");
        if (entry.path("level").asText().equals("error")) {
          problems.add("log error: " + entry.path("text").asText());
        }
        break;
      case "Page.javascriptDialogOpening":
        problems.add(
            "dialog " + params.path("type").asText() + ": " + params.path("message").asText());
        // Not on the listener's thread, which must stay free to receive the reply.
        CompletableFuture.runAsync(
            () -> sendAsync("Page.handleJavaScriptDialog", params().put("accept", false)));
        break;
      default:
        break;
    }
    CompletableFuture<JsonNode> waiter = awaited.remove(method);
    if (waiter != null) {
      waiter.complete(params);
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder buffer = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      buffer.append(data);
      if (last) {
        String text = buffer.toString();
        buffer.setLength(0);
        onMessage(text);
      }
      webSocket.request(1);
      return null;
    }
  }
}
