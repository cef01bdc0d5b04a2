package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input, typed as a careless user would (issue 15), one table per kind of input: each row is a
 * command line and the start of the one line it must print. Every row also checks the exit code,
 * that the password never shows, and that no exception name or stack trace leaks out.
 */
class BadInputTest {

  private static final String PASSWORD = "Hunter2-s3cret";

  @TempDir Path dir;

  private CommandRun run(Map<String, String> env, String line) {
    List<String> args = new ArrayList<>();
    for (String arg : line.split(" ")) {
      args.add(arg.replace("PASSWORD", PASSWORD).replace("EMPTY", ""));
    }
    return CommandRun.run(env, dir, args.toArray(String[]::new));
  }

  private static void refused(CommandRun run, int exitCode, String message) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
    assertThat(run.err().strip()).as(run.err()).startsWith("vigil: " + message.replace("PASSWORD", PASSWORD));
    assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
    assertThat(run.out() + run.err()).doesNotContain(PASSWORD).doesNotContain("Exception").doesNotContain("\tat ");
  }

  private void cloudsYaml(String authUrl, String more) throws IOException {
    Files.writeString(dir.resolve("clouds.yaml"), "clouds:\n  c:\n    auth:\n      auth_url: " + authUrl.replace("PASSWORD", PASSWORD) + "\n"
        + "      username: demo\n      password: " + PASSWORD + "\n      user_domain_name: Default\n      project_name: demo\n"
        + "      project_domain_name: Default\n" + more);
  }

  /** URLs and rates given as flags, checked before any cloud is read: no clouds.yaml here. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      watch --influx-url 127.0.0.1:8086 --influx-db v         | --influx-url: influx.url "127.0.0.1:8086" has no scheme; write http://127.0.0.1:8086 (http:// or https://)
      watch --influx-url http://admin:PASSWORD@h:8086 --influx-db v | --influx-url: influx.url "http://***@h:8086" holds a user name or password, which Vigil never puts in a URL
      watch --influx-url admin:PASSWORD@h:8086 --influx-db v  | --influx-url: influx.url "***@h:8086" holds a user name or password
      watch --influx-url ftp://h:8086 --influx-db v           | --influx-url: influx.url "ftp://h:8086": the scheme ftp:// is not one Vigil can use here
      watch --influx-url http://h:99999 --influx-db v         | --influx-url: influx.url "http://h:99999": port 99999 is out of range (1 to 65535)
      watch --influx-url http://:8086 --influx-db v           | --influx-url: influx.url "http://:8086" has no host
      push runs --influx-url http://admin:PASSWORD@h:8086 --influx-db v | --influx-url: influx.url "http://***@h:8086" holds a user name or password
      watch --data-plane 10.0.0.5:80                          | --data-plane "10.0.0.5:80" has no scheme; write http://10.0.0.5:80
      watch --data-plane tcp://10.0.0.5                       | --data-plane "tcp://10.0.0.5" names no port; write it like tcp://203.0.113.10:22
      watch --data-plane tcp://10.0.0.5:70000                 | --data-plane "tcp://10.0.0.5:70000": port 70000 is out of range
      watch --data-plane http://u:PASSWORD@10.0.0.5/          | --data-plane "http://***@10.0.0.5/" holds a user name or password
      watch --data-plane ftp://10.0.0.5/file                  | --data-plane "ftp://10.0.0.5/file": the scheme ftp:// is not one Vigil can use here
      watch --data-plane swift:c                              | --data-plane swift:c is not a target: write swift:CONTAINER/OBJECT
      watch --out clouds.txt                                  | --out DIR/clouds.txt is a file, not a folder: give --out a new folder
      discover --patience -1                                  | --patience -1: give the seconds to keep trying, from 0 to 3600
      watch --injector EMPTY                                  | --injector: influx.injector is empty; name this Vigil host
      watch --flow-image EMPTY                                | --flow-image is empty: give a name, or leave the option out for its default
      watch --rate 1e9                                        | --rate: probe.rate_per_service 1000000000/s is above its bound of 1000/s
      watch --rate 0                                          | --rate: probe.rate_per_service must be more than 0
      watch --load 1e6                                        | --load: load.rate 1000000/s is above its bound of 5000/s
      watch --services EMPTY                                  | --services is empty: name service types
      watch --duration abc                                    | --duration abc: "abc" is not a duration
      run --driver command --upgrade-cmd true --influx-url http://u:PASSWORD@h:8086 --influx-db v | --influx-url: influx.url "http://***@h:8086" holds a user name or password
      run --driver command --upgrade-cmd true --rate-typo 5   | Unknown options: '--rate-typo', '5' (see: vigil run --help)
      """)
  void flags(String line, String message) throws IOException {
    Files.writeString(dir.resolve("clouds.txt"), "not a folder\n");
    refused(run(Map.of(), line.strip()), ExitCode.CANNOT_RUN, message.strip().replace("DIR", dir.toString()));
  }

  /** Files Vigil wrote and reads back, found damaged: one line with the place, never Jackson's text. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      plan.json                 | `[1,2`                      | push F --influx-url http://127.0.0.1:9 --influx-db v | cannot read the window plan FILE: not the shape Vigil writes (a field is missing, or the whole is not an object) at line 1, column 1; it is damaged, or not written by Vigil
      plan.json                 | `{}`                        | push F --influx-url http://127.0.0.1:9 --influx-db v | cannot read the window plan FILE: not the shape Vigil writes
      plan.json                 | `{"run_id": 5, "cloud": [1]}` | push F --influx-url http://127.0.0.1:9 --influx-db v | cannot read the window plan FILE: field cloud is missing or of the wrong kind at line 1, column 24
      persistent-resources.json | `{garbage`                  | validate resources --phase after --cloud c --out F | cannot read FILE (Unexpected character ('g' (code 103)): was expecting double-quote to start field name at line 1, column 2): it is damaged; remove leftovers with vigil sweep
      persistent-resources.json | `{"run_id": "vigil-20261202-000000-abcd", "resources": 5}` | validate resources --phase after --cloud c --out F | cannot read FILE (field resources is missing or of the wrong kind at line 1, column 55)
      records.tsv               | `garbage`                   | report F | FILE:1: expected the header '# vigil records v1', found 'garbage'
      """)
  void filesReadBack(String name, String content, String line, String message) throws IOException {
    cloudsYaml("http://127.0.0.1:9/v3", "");
    Path folder = Files.createDirectories(dir.resolve("f"));
    Files.writeString(folder.resolve(name), content + "\n");
    CommandRun r = CommandRun.run(Map.of(), dir, line.replace("F", "f").split(" "));
    refused(r, ExitCode.CANNOT_RUN, message.replace("FILE", folder.resolve(name).toString()));
  }

  /** Keystone's URL from clouds.yaml and from OS_AUTH_URL: checked when the cloud is read. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      127.0.0.1:5000/v3               | auth.auth_url "127.0.0.1:5000/v3" has no scheme; write http://127.0.0.1:5000/v3
      http://:5000/v3                 | auth.auth_url "http://:5000/v3" has no host
      http://127.0.0.1:99999/v3       | auth.auth_url "http://127.0.0.1:99999/v3": port 99999 is out of range (1 to 65535)
      ftp://127.0.0.1:5000/v3         | auth.auth_url "ftp://127.0.0.1:5000/v3": the scheme ftp:// is not one Vigil can use here
      http://demo:PASSWORD@h:5000/v3  | auth.auth_url "http://***@h:5000/v3" holds a user name or password
      """)
  void authUrl(String url, String message) throws IOException {
    cloudsYaml(url, "");
    refused(run(Map.of(), "discover --cloud c"), ExitCode.CANNOT_RUN, dir.resolve("clouds.yaml") + ":2: cloud \"c\": " + message);
    Files.delete(dir.resolve("clouds.yaml"));

    Map<String, String> env = Map.of("OS_AUTH_URL", url.replace("PASSWORD", PASSWORD), "OS_USERNAME", "demo", "OS_PASSWORD", PASSWORD,
        "OS_USER_DOMAIN_NAME", "Default");
    CommandRun fromEnv = run(env, "discover");
    refused(fromEnv, ExitCode.CANNOT_RUN, "cloud \"envvars\" (from ");
    assertThat(fromEnv.err()).contains(message.replace("auth.auth_url", "OS_AUTH_URL"));
  }

  /** What no wait can mend fails at once instead of after the 30 s patience. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      http://no-such-host.invalid:5000/v3 | cannot reach http://no-such-host.invalid:5000/v3/auth/tokens: the host name no-such-host.invalid does not resolve (DNS)
      http://127.0.0.1:9/v3               | cannot reach http://127.0.0.1:9/v3/auth/tokens: connection refused by 127.0.0.1:9 (nothing listens on that port)
      """)
  void unreachable(String url, String message) throws IOException {
    cloudsYaml(url, "");
    long t0 = System.nanoTime();
    refused(run(Map.of(), "discover --cloud c"), ExitCode.CANNOT_RUN, message);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
  }

  /** A catalog that leaves nothing to observe is an error, not "0 services" and exit 0. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      `    region_name: RegionTwo`  | `[{"type": "image", "name": "glance", "endpoints": [{"interface": "public", "region_id": "RegionOne", "url": "http://127.0.0.1:9/"}]}]` | region "RegionTwo" has no public endpoint in the catalog (regions there: RegionOne); fix region_name
      `    interface: internal`     | `[{"type": "image", "name": "glance", "endpoints": [{"interface": "public", "region_id": "RegionOne", "url": "http://127.0.0.1:9/"}]}]` | the catalog has no internal endpoint (interfaces there: public); fix interface
      ``                            | `[]` | the token's catalog lists no service
      ``                            | `[{"type": "image", "name": "glance", "endpoints": [{"interface": "public", "region_id": "RegionOne", "url": "127.0.0.1:9292"}]}]` | the image endpoint of cloud "c" "127.0.0.1:9292" has no scheme
      """)
  void catalog(String cloudLine, String catalog, String message) throws IOException {
    try (TokenServer keystone = new TokenServer(catalog)) {
      cloudsYaml(keystone.authUrl(), cloudLine.isEmpty() ? "" : cloudLine + "\n");
      CommandRun discover = run(Map.of(), "discover --cloud c");
      refused(discover, ExitCode.CANNOT_RUN, message.startsWith("the image") ? message : "cloud \"c\" in " + dir.resolve("clouds.yaml") + ": "
          + message);
      refused(run(Map.of(), "watch --cloud c --duration 1s --out w"), ExitCode.CANNOT_RUN, message.startsWith("the image") ? message
          : "cloud \"c\" in " + dir.resolve("clouds.yaml") + ": " + message);
      assertThat(dir.resolve("w")).doesNotExist();
    }
  }

  /** A dry run checks what a real run checks before it prints: the same lines, the same exit code. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      --require bogus                 | --require bogus: use rolling, zero-downtime or zero-impact
      --before abc                    | --before abc: "abc" is not a duration
      --after 0s                      | --after 0s: it must be more than 0 s
      --config bad.yaml               | bad.yaml
      --cloud nope                    | cloud "nope" not found in
      --data-plane 10.0.0.5:80        | --data-plane "10.0.0.5:80" has no scheme
      --influx-url http://u:PASSWORD@h:8086 --influx-db v | --influx-url: influx.url "http://***@h:8086" holds a user name or password
      --influx-db v                   | --influx-* options need an InfluxDB to write to
      --expect-before 2023.3          | --expect-before: unknown release "2023.3"
      --out taken                     | --out
      """)
  void dryRun(String options, String message) throws IOException {
    cloudsYaml("http://127.0.0.1:9/v3", "");
    Files.writeString(dir.resolve("bad.yaml"), "probe:\n  timout: 5s\n");
    Files.createDirectories(dir.resolve("taken"));
    Files.writeString(dir.resolve("taken/records.tsv"), "# vigil records v1\n");
    for (boolean dry : new boolean[] {true, false}) {
      CommandRun r = run(Map.of(), "run --driver command --upgrade-cmd true " + options.strip() + (dry ? " --dry-run" : ""));
      String expected = message.strip().equals("bad.yaml") ? dir.resolve("bad.yaml") + ":2: unknown key probe.timout"
          : message.strip().equals("--out") ? "--out " + dir.resolve("taken") + " holds an earlier run (records.tsv); Vigil never writes over a run"
          : message.strip();
      refused(r, ExitCode.CANNOT_RUN, expected);
    }
  }

  @Test
  void aDryRunThatPassesSaysWhatItChecked() throws IOException {
    cloudsYaml("http://127.0.0.1:9/v3", "");
    CommandRun r = run(Map.of(), "run --driver command --upgrade-cmd true --dry-run");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out().strip()).isEqualTo("true");
    assertThat(r.err().strip()).isEqualTo("vigil: dry run: options, settings and cloud \"c\" checked; nothing was contacted");
  }

  /** A run folder is never written over, whichever of a run's files it holds. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      plan.json
      records.tsv
      result.json
      run.json
      """)
  void anEarlierRunIsNeverWrittenOver(String file) throws IOException {
    Path taken = Files.createDirectories(dir.resolve("runs/earlier"));
    Files.writeString(taken.resolve(file), "{}\n");
    refused(run(Map.of(), "watch --out runs/earlier"), ExitCode.CANNOT_RUN,
        "--out " + taken + " holds an earlier run (" + file + "); Vigil never writes over a run: give --out a new folder, or move that one away");
    assertThat(taken).isDirectoryNotContaining(p -> !p.getFileName().toString().equals(file));
  }

  @Test
  void settingsFileUrlsAreCheckedWithTheirLine() throws IOException {
    Files.writeString(dir.resolve("vigil.yaml"), "influx:\n  url: http://admin:" + PASSWORD + "@h:8086\n  database: v\n");
    refused(run(new HashMap<>(), "watch"), ExitCode.CANNOT_RUN,
        dir.resolve("vigil.yaml") + ":2: influx.url \"http://***@h:8086\" holds a user name or password");
  }
}
