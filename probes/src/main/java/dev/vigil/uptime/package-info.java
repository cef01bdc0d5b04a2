/**
 * Outages from probe records, by the uptime rule of {@link dev.vigil.uptime.OutageTracker}: pure
 * computations with memory bounded by a short reorder window, not by the window's length.
 */
package dev.vigil.uptime;
