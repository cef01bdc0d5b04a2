/**
 * Why each request of an outage failed: {@link dev.vigil.requestlogs.RequestLogs} takes the failed
 * requests of every outage from {@code records.tsv}, looks their request ids up in the service's
 * own logs through a {@link dev.vigil.requestlogs.LogSource} (a local folder for the lab, {@link
 * dev.vigil.requestlogs.LogFolder}; a host command later) and attaches the lines, secrets hidden,
 * to the outage in {@code result.json}.
 */
package dev.vigil.requestlogs;
