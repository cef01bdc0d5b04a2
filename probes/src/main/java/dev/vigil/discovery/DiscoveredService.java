package dev.vigil.discovery;

/** A service of the catalog, its endpoint for the chosen interface and region, and its versions. */
public record DiscoveredService(String type, String name, String url, VersionDocument versions) {}
