package dev.vigil.cloud;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cloud a run used, as a run folder records it: everything needed to tell which cloud, user and
 * scope were measured, and never the password or the application credential's secret.
 */
public final class CloudDescription {

  private CloudDescription() {}

  public static Map<String, Object> of(CloudConfig cloud) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("name", cloud.name());
    doc.put("auth_url", cloud.authUrl());
    if (cloud.auth() instanceof Auth.Password p) {
      doc.put("auth_type", "password");
      putIfSet(doc, "username", p.username());
      putIfSet(doc, "user_id", p.userId());
      putIfSet(doc, "user_domain_name", p.userDomainName());
      putIfSet(doc, "user_domain_id", p.userDomainId());
      Auth.Scope s = p.scope();
      putIfSet(doc, "project_name", s.projectName());
      putIfSet(doc, "project_id", s.projectId());
      putIfSet(doc, "project_domain_name", s.projectDomainName());
      putIfSet(doc, "project_domain_id", s.projectDomainId());
      putIfSet(doc, "domain_name", s.domainName());
      putIfSet(doc, "domain_id", s.domainId());
    } else if (cloud.auth() instanceof Auth.ApplicationCredential a) {
      doc.put("auth_type", "v3applicationcredential");
      putIfSet(doc, "application_credential_id", a.id());
      putIfSet(doc, "application_credential_name", a.name());
      putIfSet(doc, "username", a.username());
      putIfSet(doc, "user_id", a.userId());
      putIfSet(doc, "user_domain_name", a.userDomainName());
      putIfSet(doc, "user_domain_id", a.userDomainId());
    }
    putIfSet(doc, "region_name", cloud.regionName());
    doc.put("interface", cloud.interfaceName());
    doc.put("verify", cloud.verify());
    putIfSet(doc, "cacert", cloud.cacert() == null ? null : cloud.cacert().toString());
    doc.put("source", cloud.source() == null ? "environment (OS_*)" : cloud.source().toString());
    if (!cloud.endpointOverrides().isEmpty()) {
      doc.put("endpoint_overrides", new LinkedHashMap<>(cloud.endpointOverrides()));
    }
    return doc;
  }

  private static void putIfSet(Map<String, Object> doc, String key, String value) {
    if (value != null && !value.isBlank()) {
      doc.put(key, value);
    }
  }
}
