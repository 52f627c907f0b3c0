package dev.asynclint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --format html} end to end on files that try to inject markup: whatever the analysed
 * code holds, the only part of the page that depends on it is the JSON data, and that JSON holds no
 * character that could end its element or start markup.
 */
class HtmlReportCommandTest {
  private static final String DATA_OPEN =
      "<script type=\"application/json\" id=\"asynclint-data\">";

  @TempDir Path dir;

  /** The page split into the markup before the data, the data, and the markup after it. */
  private record Page(String before, String data, String after) {
    static Page of(String html) {
      int open = html.indexOf(DATA_OPEN);
      assertThat(open).as("the data element").isPositive();
      int start = open + DATA_OPEN.length();
      int end = html.indexOf("</script>", start);
      return new Page(html.substring(0, start), html.substring(start, end), html.substring(end));
    }
  }

  private Page report(String name, Path project) throws IOException {
    Path report = dir.resolve(name + ".html");
    HtmlReportProjects.report(project, report);
    return Page.of(Files.readString(report, StandardCharsets.UTF_8));
  }

  @Test
  void hostileCodeReachesTheReportOnlyAsEscapedJsonData() throws IOException {
    Path plain = dir.resolve("plain");
    Files.createDirectories(plain);
    Files.writeString(plain.resolve("app.py"), HtmlReportProjects.APP, StandardCharsets.UTF_8);
    Path hostile = dir.resolve("hostile");
    HtmlReportProjects.write(hostile, 0, 0);

    Page reference = report("plain", plain);
    Page page = report("hostile", hostile);

    // The markup around the data is the same for every input: nothing of the code is in it.
    assertThat(page.before()).isEqualTo(reference.before());
    assertThat(page.after()).isEqualTo(reference.after());
    assertThat(tags(page.before() + page.after()))
        .containsExactly(
            "!DOCTYPE",
            "html",
            "head",
            "meta",
            "meta",
            "meta",
            "meta",
            "title",
            "/title",
            "style",
            "/style",
            "/head",
            "body",
            "a",
            "/a",
            "header",
            "h1",
            "/h1",
            "p",
            "/p",
            "/header",
            "main",
            "noscript",
            "p",
            "/p",
            "/noscript",
            "section",
            "h2",
            "/h2",
            "div",
            "/div",
            "/section",
            "section",
            "h2",
            "/h2",
            "div",
            "/div",
            "/section",
            "section",
            "h2",
            "/h2",
            "div",
            "/div",
            "div",
            "/div",
            "/section",
            "section",
            "h2",
            "/h2",
            "ul",
            "/ul",
            "/section",
            "/main",
            "script",
            "/script",
            "script",
            "/script",
            "/body",
            "/html");

    // The data can neither close its element nor open markup, and JSON.parse gives the code back.
    assertThat(page.data()).doesNotContain("<", ">", "&", "\u2028", "\u2029");
    JsonNode data = new ObjectMapper().readTree(page.data());
    List<String> files = new ArrayList<>();
    data.path("files").forEach(file -> files.add(file.asText()));
    assertThat(files)
        .contains(
            hostile.resolve(HtmlReportProjects.SCRIPT_PATH).toString(),
            hostile.resolve(HtmlReportProjects.IMG_FILE).toString());
    assertThat(data.path("lines").findValuesAsText("4"))
        .anySatisfy(line -> assertThat(line).contains(HtmlReportProjects.SCRIPT_PAYLOAD, "\u2028"));
    assertThat(page.data()).contains("\\u003Cimg src=x onerror=", "\\u2028");
    assertThat(data.path("findings").findValuesAsText("code")).contains("ASY200", "ASY203");
  }

  @Test
  void findingsCarryFramesRuleDocsAndTheChain() throws IOException {
    Path project = dir.resolve("app");
    Files.createDirectories(project);
    Files.writeString(project.resolve("app.py"), HtmlReportProjects.APP, StandardCharsets.UTF_8);
    JsonNode data = new ObjectMapper().readTree(report("app", project).data());

    JsonNode chain = null;
    for (JsonNode finding : data.path("findings")) {
      if (finding.path("code").asText().equals("ASY208")) {
        chain = finding;
      }
    }
    assertThat(chain).as("the ASY208 finding").isNotNull();
    assertThat(chain.path("line").asInt()).isEqualTo(16);
    assertThat(chain.path("related")).hasSize(2);
    JsonNode lines = data.path("lines").path(chain.path("file").asInt());
    // The finding's line with two lines around it, and each link of the chain.
    assertThat(lines.has("14")).isTrue();
    assertThat(lines.path("14").asText()).isEmpty();
    assertThat(lines.path("15").asText()).isEqualTo("async def get_profile(user_id):");
    assertThat(lines.path("12").asText()).isEqualTo("    return fetch_json(url)");
    assertThat(lines.path("7").asText()).contains("requests.get(url");
    JsonNode rule = data.path("rules").path("ASY208");
    assertThat(rule.path("name").asText()).isEqualTo("blocking-call-chain");
    assertThat(rule.path("family").asText()).isEqualTo("ASY2xx blocking the event loop");
    assertThat(rule.path("doc").get(0).asText()).startsWith("Reports a call from async context");
    assertThat(data.path("rules").has("ASY100")).as("only the rules with findings").isFalse();
  }

  @Test
  void theContentSecurityPolicyAllowsExactlyTheEmbeddedStyleAndScript() throws Exception {
    Path project = dir.resolve("app");
    Files.createDirectories(project);
    Files.writeString(project.resolve("app.py"), HtmlReportProjects.APP, StandardCharsets.UTF_8);
    Page page = report("app", project);
    String style = between(page.before(), "<style>", "</style>");
    String script = between(page.after(), "</script>\n<script>", "</script>");
    Matcher policy =
        Pattern.compile("http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\"")
            .matcher(page.before());
    assertThat(policy.find()).isTrue();
    assertThat(policy.group(1))
        .startsWith("default-src 'none'; ")
        .contains("script-src '" + sha256(script) + "'")
        .contains("style-src '" + sha256(style) + "'")
        .doesNotContain("unsafe", "http:", "https:", "*");
  }

  private static String between(String text, String open, String close) {
    int start = text.indexOf(open) + open.length();
    return text.substring(start, text.indexOf(close, start));
  }

  private static String sha256(String text) throws Exception {
    byte[] digest =
        java.security.MessageDigest.getInstance("SHA-256")
            .digest(text.getBytes(StandardCharsets.UTF_8));
    return "sha256-" + java.util.Base64.getEncoder().encodeToString(digest);
  }

  /** The tag names of {@code html} in order, closing tags with their slash. */
  private static List<String> tags(String html) {
    String withoutStyleAndScript =
        html.replaceAll("(?s)<style>.*?</style>", "<style></style>")
            .replaceAll("(?s)<script>.*?</script>", "<script></script>");
    List<String> tags = new ArrayList<>();
    Matcher tag = Pattern.compile("<(/?[!A-Za-z][A-Za-z0-9]*)").matcher(withoutStyleAndScript);
    while (tag.find()) {
      tags.add(tag.group(1));
    }
    return tags;
  }
}
