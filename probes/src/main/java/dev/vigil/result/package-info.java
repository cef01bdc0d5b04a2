/**
 * A window's result: {@link dev.vigil.result.ResultAnalyzer} reads a run folder once into a {@link
 * dev.vigil.result.WindowResult}, which {@link dev.vigil.result.ResultWriter} writes as {@code
 * result.json} (schema in {@code docs/results.md}).
 */
package dev.vigil.result;
