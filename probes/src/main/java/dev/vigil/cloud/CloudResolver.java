package dev.vigil.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.VigilException;
import dev.vigil.http.UrlRule;
import dev.vigil.http.Urls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one cloud's raw settings (a clouds.yaml entry, or the OS_* variables) into a {@link
 * CloudConfig}, applying openstacksdk's rules in its order (openstack/config/loader.py, {@code
 * get_one} and {@code magic_fixes}; keystoneauth1's loaders for what each auth type requires).
 */
final class CloudResolver {

  static final Set<String> AUTH_TYPES = Set.of("password", "v3password", "v3applicationcredential");
  private static final String SUPPORTED =
      "password (the default), v3password or v3applicationcredential";
  private static final Set<String> INTERFACES = Set.of("public", "internal", "admin");
  private static final Pattern TEMPLATE = Pattern.compile("\\{(\\w+)}");

  private final Path cwd;
  private final Path home;
  private final Function<String, JsonNode> profiles;

  /**
   * @param profiles finds a profile of clouds-public.yaml by name, or returns null
   */
  CloudResolver(Path cwd, Path home, Function<String, JsonNode> profiles) {
    this.cwd = cwd;
    this.home = home;
    this.profiles = profiles;
  }

  /**
   * @param entry the cloud's raw settings
   * @param region the region asked for, or null for the cloud's first
   * @param otherChoices appended to the message when an environment cloud lacks auth_url, to
   *     point at clouds.yaml instead; may be empty
   */
  CloudConfig resolve(ObjectNode entry, CloudOrigin origin, String region, String otherChoices) {
    String subject = origin.subject();
    JsonNode auth = entry.get("auth");
    if (auth != null && !auth.isNull() && !auth.isObject()) {
      throw new VigilException(subject + ": auth must be a mapping (auth_url:, username:, ...)");
    }

    // 1. openstacksdk's defaults, then the vendor profile, then the cloud itself.
    ObjectNode config = JsonNodeFactory.instance.objectNode();
    config.put("auth_type", "password");
    config.put("interface", "public");
    config.putObject("auth");
    JsonNode profile = profile(entry, origin);
    if (profile != null) {
      Nodes.mergeAuth(config, profile);
    }
    Nodes.mergeAuth(config, entry);
    config.remove("cloud");

    // 2. The region, and the settings it overrides.
    Region chosen = region(entry, profile, region, origin);
    config.remove("regions");
    if (chosen == null) {
      config.remove("region_name");
    } else {
      Nodes.mergeAuth(config, chosen.values());
      config.put("region_name", chosen.name());
    }

    // 3. The spelling fixes of magic_fixes: dashes, legacy names, domain shorthands.
    Nodes.normalizeKeys(config);
    if (!config.path("auth").isObject()) {
      throw new VigilException(subject + ": auth must be a mapping (auth_url:, username:, ...)");
    }
    ObjectNode authNode = (ObjectNode) config.get("auth");
    String authType = authType(config, origin);
    String interfaceName = interfaceName(config, origin);
    moveScopeKeysIntoAuth(config, authNode);
    applyDomainShorthand(authNode);

    Lookup values = new Lookup(config, authNode, origin);
    String authUrl = values.get("auth_url");
    if (authUrl == null) {
      throw new VigilException(
          subject + ": auth_url is missing; " + origin.howToSet("auth_url", true)
              + " (Keystone's URL, e.g. https://keystone.example.com:5000/v3)" + otherChoices);
    }
    authUrl = expandTemplate(authUrl, config, origin);
    checkUrl(authUrl, origin.spell("auth_url", true), origin,
        "https://keystone.example.com:5000/v3");

    Auth credentials = authType.equals("v3applicationcredential")
        ? applicationCredential(values, origin)
        : password(values, origin, authType.equals("password"));

    boolean verify = verify(config, origin);
    Path cacert = cacert(config, origin);
    return new CloudConfig(
        origin.cloud(),
        authUrl,
        credentials,
        chosen == null ? null : chosen.name(),
        interfaceName,
        cacert,
        verify,
        origin.file(),
        endpointOverrides(config, origin));
  }

  /**
   * Every URL of a cloud is checked here, once, before anything prints or uses it; the message
   * names the setting and where it was written, and never shows a user name or password.
   */
  private static void checkUrl(String url, String setting, CloudOrigin origin, String example) {
    String credentials = "give the credentials as " + origin.spell("username", true) + " and "
        + origin.spell("password", true) + (origin.fromEnvironment() ? "" : " (or in secure.yaml)");
    try {
      Urls.parse(url, UrlRule.web(example, credentials));
    } catch (Urls.BadUrl e) {
      throw new VigilException(origin.subject() + ": " + setting + " " + e.getMessage());
    }
  }

  /**
   * openstacksdk's {@code <service_type>_endpoint_override} keys, e.g.
   * {@code block_storage_endpoint_override}: the service type is written with underscores.
   */
  private static Map<String, String> endpointOverrides(ObjectNode config, CloudOrigin origin) {
    Map<String, String> overrides = new java.util.TreeMap<>();
    config.fieldNames().forEachRemaining(key -> {
      if (key.endsWith("_endpoint_override") && config.get(key).isTextual()) {
        String type = key.substring(0, key.length() - "_endpoint_override".length()).replace('_', '-');
        String url = config.get(key).asText();
        checkUrl(url, origin.fromEnvironment() ? "OS_" + key.toUpperCase(Locale.ROOT) : key, origin,
            "https://cloud.example.com:8774/v2.1");
        overrides.put(type, url);
      }
    });
    return overrides;
  }

  private JsonNode profile(ObjectNode entry, CloudOrigin origin) {
    // "cloud:" is the old spelling of "profile:".
    String name = text(entry.has("profile") ? entry.get("profile") : entry.get("cloud"), origin,
        "profile");
    if (name == null || origin.fromEnvironment()) {
      return null;
    }
    JsonNode profile = profiles.apply(name);
    if (profile == null) {
      // openstacksdk would fall back to its built-in vendor profiles, which Vigil does not carry.
      throw new VigilException(
          origin.subject() + ": profile \"" + name + "\" is not in any clouds-public.yaml"
              + " (public-clouds: " + name + ":); Vigil does not ship openstacksdk's vendor"
              + " profiles, so write the cloud's auth_url and region_name into clouds.yaml");
    }
    if (!profile.isObject()) {
      throw new VigilException(
          origin.subject() + ": profile \"" + name + "\" in clouds-public.yaml is not a mapping");
    }
    return profile;
  }

  private record Region(String name, JsonNode values) {}

  /**
   * {@code regions:} (names, or {name, values} mappings) wins over {@code region_name:} (a name,
   * or a deprecated comma-separated list); without a request the first region is used.
   */
  private Region region(ObjectNode entry, JsonNode profile, String wanted, CloudOrigin origin) {
    List<Region> known = knownRegions(entry, origin);
    if (known.isEmpty() && profile != null) {
      known = knownRegions(profile, origin);
    }
    if (wanted == null || wanted.isEmpty()) {
      return known.isEmpty() ? null : known.get(0);
    }
    if (known.isEmpty()) {
      return new Region(wanted, JsonNodeFactory.instance.objectNode());
    }
    for (Region r : known) {
      if (r.name().equals(wanted)) {
        return r;
      }
    }
    throw new VigilException(
        origin.subject() + ": region \"" + wanted + "\" is not one of its regions ("
            + String.join(", ", known.stream().map(Region::name).toList())
            + "); region names are case-sensitive");
  }

  private List<Region> knownRegions(JsonNode cloud, CloudOrigin origin) {
    List<Region> regions = new ArrayList<>();
    JsonNode list = cloud.get("regions");
    if (list != null && !list.isNull()) {
      if (!list.isArray()) {
        throw new VigilException(
            origin.subject() + ": regions must be a list of region names (or of {name:, values:}"
                + " mappings)");
      }
      for (JsonNode item : list) {
        if (item.isObject()) {
          String name = text(item.get("name"), origin, "regions[].name");
          JsonNode values = item.path("values");
          if (name == null || item.size() > (item.has("values") ? 2 : 1)
              || !(values.isMissingNode() || values.isObject())) {
            throw new VigilException(
                origin.subject() + ": each entry of regions must be a name, or a mapping with"
                    + " name: and optionally values: (a mapping), nothing else");
          }
          regions.add(new Region(name, values.isObject() ? values
              : JsonNodeFactory.instance.objectNode()));
        } else {
          String name = text(item, origin, "regions[]");
          if (name != null) {
            regions.add(new Region(name, JsonNodeFactory.instance.objectNode()));
          }
        }
      }
      return regions;
    }
    JsonNode regionName = cloud.get("region_name");
    if (regionName != null && regionName.isArray()) {
      for (JsonNode item : regionName) {
        regions.add(new Region(text(item, origin, "region_name"), JsonNodeFactory.instance.objectNode()));
      }
      return regions;
    }
    String names = text(regionName, origin, "region_name");
    if (names != null) {
      for (String name : names.split(",")) {
        regions.add(new Region(name.strip(), JsonNodeFactory.instance.objectNode()));
      }
    }
    return regions;
  }

  /**
   * openstacksdk also reads the old key auth_plugin, but its defaults always set auth_type, which
   * wins over it: auth_plugin is in effect ignored, and so it is here.
   */
  private String authType(ObjectNode config, CloudOrigin origin) {
    String name = text(config.get("auth_type"), origin, "auth_type");
    if (name == null || !AUTH_TYPES.contains(name)) {
      String shown = name == null ? "none" : name;
      throw new VigilException(
          origin.subject() + ": auth_type \"" + shown + "\" is not supported; use " + SUPPORTED);
    }
    return name;
  }

  /**
   * {@code endpoint_type} is the old name of {@code interface}. openstacksdk renames it in key
   * order, and as its defaults put {@code interface} first, {@code endpoint_type} always wins.
   */
  private String interfaceName(ObjectNode config, CloudOrigin origin) {
    String value = text(
        config.has("endpoint_type") ? config.get("endpoint_type") : config.get("interface"),
        origin, "interface");
    if (value == null) {
      return "public";
    }
    // keystoneauth accepts the v2 catalog's spelling too: publicURL is public.
    String name = value.endsWith("URL") ? value.substring(0, value.length() - 3) : value;
    if (!INTERFACES.contains(name)) {
      throw new VigilException(
          origin.subject() + ": interface \"" + value + "\" is not one of public, internal,"
              + " admin; fix " + origin.spell("interface", false));
    }
    return name;
  }

  /**
   * Scope and domain keys may sit beside {@code auth:} as well as in it; openstacksdk moves them in,
   * the one outside winning ({@code _fix_backwards_auth}), and reads tenant_* as project_*.
   */
  private static void moveScopeKeysIntoAuth(ObjectNode config, ObjectNode auth) {
    String[][] aliases = {
      {"domain_id", "domain_id"},
      {"domain_name", "domain_name"},
      {"user_domain_id", "user_domain_id"},
      {"user_domain_name", "user_domain_name"},
      {"project_domain_id", "project_domain_id"},
      {"project_domain_name", "project_domain_name"},
      {"project_id", "tenant_id", "project_id"},
      {"project_name", "tenant_name", "project_name"},
    };
    for (String[] row : aliases) {
      String winner = null;
      for (int i = 1; i < row.length; i++) {
        for (ObjectNode from : List.of(auth, config)) {
          JsonNode value = from.remove(row[i]);
          if (value != null && value.isValueNode() && !value.isNull()) {
            winner = value.asText();
          }
        }
      }
      if (winner != null && !winner.isEmpty()) {
        auth.put(row[0], winner);
      }
    }
  }

  /**
   * With a project, {@code domain_id}/{@code domain_name} is shorthand for both the user's and the
   * project's domain (where those are not given); without a project, it is the scope
   * ({@code _handle_domain_id}).
   */
  private static void applyDomainShorthand(ObjectNode auth) {
    boolean projectScoped = auth.has("project_id") || auth.has("project_name");
    if (!projectScoped) {
      return;
    }
    for (String kind : List.of("id", "name")) {
      JsonNode domain = auth.remove("domain_" + kind);
      if (domain != null) {
        for (String target : List.of("user_domain_" + kind, "project_domain_" + kind)) {
          if (!auth.has(target)) {
            auth.set(target, domain);
          }
        }
      }
    }
  }

  private Auth password(Lookup values, CloudOrigin origin, boolean generic) {
    String subject = origin.subject();
    String username = values.get("username", "user_name");
    String userId = values.get("user_id");
    String password = values.get("password");
    // Only the generic "password" plugin knows default_domain_*: it stands in for a missing user
    // or project domain (keystoneauth1 identity/generic/password.py and base.py).
    String defaultDomainId = generic ? values.get("default_domain_id") : null;
    String defaultDomainName = generic ? values.get("default_domain_name") : null;
    String userDomainId = or(values.get("user_domain_id"), defaultDomainId);
    String userDomainName = or(values.get("user_domain_name"), defaultDomainName);

    if (username == null && userId == null) {
      throw new VigilException(
          subject + ": no user; " + origin.howToSet("username", true) + " (with "
              + origin.spell("user_domain_name", true) + ") or " + origin.spell("user_id", true));
    }
    if (password == null) {
      throw new VigilException(
          subject + ": password is missing; " + origin.howToSet("password", true)
              + (origin.fromEnvironment() ? "" : " (or put it in secure.yaml)"));
    }
    requireUserDomain(username, userDomainName, userDomainId, origin);
    Auth.Scope scope = scope(values, origin, defaultDomainId, defaultDomainName);
    return new Auth.Password(
        username, userId, Secret.of(password), userDomainName, userDomainId, scope);
  }

  private Auth applicationCredential(Lookup values, CloudOrigin origin) {
    String subject = origin.subject();
    String id = values.get("application_credential_id");
    String name = values.get("application_credential_name");
    String secret = values.get("application_credential_secret");
    String username = values.get("username", "user_name");
    String userId = values.get("user_id");
    String userDomainName = values.get("user_domain_name");
    String userDomainId = values.get("user_domain_id");
    if (secret == null) {
      throw new VigilException(
          subject + ": application_credential_secret is missing; "
              + origin.howToSet("application_credential_secret", true)
              + (origin.fromEnvironment() ? "" : " (or put it in secure.yaml)"));
    }
    if (id == null && name == null) {
      throw new VigilException(
          subject + ": no application credential; "
              + origin.howToSet("application_credential_id", true) + " (or "
              + origin.spell("application_credential_name", true) + " with the owner's "
              + origin.spell("username", true) + ")");
    }
    // A credential's name is unique only per user, so Keystone needs its owner to find it.
    if (id == null && username == null && userId == null) {
      throw new VigilException(
          subject + ": application credential \"" + name + "\" is given by name, which Keystone"
              + " can only look up with its owner; " + origin.howToSet("username", true)
              + " and " + origin.spell("user_domain_name", true) + ", or "
              + origin.spell("user_id", true) + ", or use "
              + origin.spell("application_credential_id", true) + " instead");
    }
    requireUserDomain(username, userDomainName, userDomainId, origin);
    return new Auth.ApplicationCredential(
        id, name, Secret.of(secret), username, userId, userDomainName, userDomainId);
  }

  /** keystoneauth's rule: a user name is unique only within its domain. */
  private static void requireUserDomain(
      String username, String domainName, String domainId, CloudOrigin origin) {
    if (username != null && domainName == null && domainId == null) {
      throw new VigilException(
          origin.subject() + ": " + origin.spell("username", true) + " needs the user's domain;"
              + " " + origin.howToSet("user_domain_name", true) + " (often Default) or "
              + origin.spell("user_domain_id", true) + " (often default)");
    }
  }

  private static Auth.Scope scope(
      Lookup values, CloudOrigin origin, String defaultDomainId, String defaultDomainName) {
    String projectName = values.get("project_name");
    String projectId = values.get("project_id");
    String projectDomainName = or(values.get("project_domain_name"), defaultDomainName);
    String projectDomainId = or(values.get("project_domain_id"), defaultDomainId);
    // keystoneauth's BaseV3Loader refuses a project name without its domain; with the generic
    // plugin Keystone refuses it instead, later and less clearly.
    if (projectName != null && projectId == null && projectDomainName == null
        && projectDomainId == null) {
      throw new VigilException(
          origin.subject() + ": " + origin.spell("project_name", true) + " needs the project's"
              + " domain; " + origin.howToSet("project_domain_name", true) + " (often Default) or "
              + origin.spell("project_domain_id", true) + ", or use "
              + origin.spell("project_id", true) + " instead");
    }
    return new Auth.Scope(
        projectName,
        projectId,
        projectDomainName,
        projectDomainId,
        values.get("domain_name"),
        values.get("domain_id"));
  }

  /**
   * TLS checking: {@code insecure: true} wins over everything, then {@code verify} (default true);
   * openstacksdk's cloud_region.py {@code get_requests_verify_args}.
   */
  private static boolean verify(ObjectNode config, CloudOrigin origin) {
    boolean insecure = bool(config.get("insecure"), origin, "insecure", false);
    boolean verify = bool(config.get("verify"), origin, "verify", true);
    return verify && !insecure;
  }

  private Path cacert(ObjectNode config, CloudOrigin origin) {
    String value = text(config.get("cacert"), origin, "cacert");
    if (value == null) {
      return null;
    }
    Path path = cwd.resolve(Paths.expandHome(value, home)).normalize();
    if (!Files.isRegularFile(path)) {
      throw new VigilException(
          origin.subject() + ": cacert file " + path + " not found; fix "
              + origin.spell("cacert", false) + " or remove it to trust the system's CAs");
    }
    return path;
  }

  /**
   * openstacksdk reads only the string "true" (any case) as true for insecure, and takes any
   * non-empty string as true for verify; Vigil refuses anything but true/false instead of guessing.
   */
  private static boolean bool(JsonNode node, CloudOrigin origin, String key, boolean fallback) {
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    String text = node.isTextual() ? node.textValue().strip().toLowerCase(Locale.ROOT) : null;
    // From the environment every value is text; in YAML a quoted "false" is text too.
    if ("true".equals(text) && origin.fromEnvironment()) {
      return true;
    }
    if ("false".equals(text) && origin.fromEnvironment()) {
      return false;
    }
    throw new VigilException(
        origin.subject() + ": " + origin.spell(key, false) + " must be true or false"
            + (origin.fromEnvironment() ? "" : " (unquoted)") + ", not \"" + node.asText() + "\"");
  }

  private static String text(JsonNode node, CloudOrigin origin, String key) {
    try {
      return Nodes.text(node);
    } catch (IllegalArgumentException e) {
      throw new VigilException(origin.subject() + ": " + key + " " + e.getMessage());
    }
  }

  private static String or(String value, String fallback) {
    return value != null ? value : fallback;
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

  /**
   * An auth option: inside {@code auth:} first, then beside it, each under its current then its
   * deprecated name ({@code _validate_auth} in openstacksdk).
   */
  private record Lookup(ObjectNode config, ObjectNode auth, CloudOrigin origin) {
    String get(String... names) {
      for (ObjectNode in : List.of(auth, config)) {
        for (String name : names) {
          String value = text(in.get(name), origin, name);
          if (value != null) {
            return value;
          }
        }
      }
      return null;
    }
  }
}
