package dev.vigil.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.VigilException;
import dev.vigil.http.UrlRule;
import dev.vigil.http.Urls;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cloud's URLs: Keystone's and the endpoint overrides. Each is checked here, once, before
 * anything prints or uses it; the message names the setting and where it was written, and never
 * shows a user name or password.
 */
final class CloudUrls {

  private static final Pattern TEMPLATE = Pattern.compile("\\{(\\w+)}");

  private CloudUrls() {}

  /**
   * @param config the cloud's settings, whose keys auth_url may refer to
   * @param otherChoices appended to the message when auth_url is missing; may be empty
   */
  static String authUrl(
      AuthOptions options, ObjectNode config, CloudOrigin origin, String otherChoices) {
    String url = options.get("auth_url");
    if (url == null) {
      throw new VigilException(
          origin.subject() + ": auth_url is missing; " + origin.howToSet("auth_url", true)
              + " (Keystone's URL, e.g. https://keystone.example.com:5000/v3)" + otherChoices);
    }
    url = expandTemplate(url, config, origin);
    check(url, origin.spell("auth_url", true), origin, "https://keystone.example.com:5000/v3");
    return url;
  }

  /**
   * openstacksdk's {@code <service_type>_endpoint_override} keys, e.g.
   * {@code block_storage_endpoint_override}: the service type is written with underscores.
   */
  static Map<String, String> endpointOverrides(ObjectNode config, CloudOrigin origin) {
    Map<String, String> overrides = new TreeMap<>();
    config.fieldNames().forEachRemaining(key -> {
      if (key.endsWith("_endpoint_override") && config.get(key).isTextual()) {
        String type = key.substring(0, key.length() - "_endpoint_override".length()).replace('_', '-');
        String url = config.get(key).asText();
        check(url, origin.fromEnvironment() ? "OS_" + key.toUpperCase(Locale.ROOT) : key, origin,
            "https://cloud.example.com:8774/v2.1");
        overrides.put(type, url);
      }
    });
    return overrides;
  }

  private static void check(String url, String setting, CloudOrigin origin, String example) {
    String credentials = "give the credentials as " + origin.spell("username", true) + " and "
        + origin.spell("password", true) + (origin.fromEnvironment() ? "" : " (or in secure.yaml)");
    try {
      Urls.parse(url, UrlRule.web(example, credentials));
    } catch (Urls.BadUrl e) {
      throw new VigilException(origin.subject() + ": " + setting + " " + e.getMessage());
    }
  }

  /** openstacksdk formats auth_url with the cloud's keys: {@code https://{region_name}.x/v3}. */
  private static String expandTemplate(String url, ObjectNode config, CloudOrigin origin) {
    Matcher m = TEMPLATE.matcher(url);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      JsonNode value = config.get(m.group(1));
      if (value == null || !value.isValueNode() || value.isNull()) {
        throw new VigilException(
            origin.subject() + ": auth_url refers to {" + m.group(1) + "}, which the cloud does"
                + " not set; set " + m.group(1) + " or write the URL out");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value.asText()));
    }
    m.appendTail(out);
    return out.toString();
  }
}
