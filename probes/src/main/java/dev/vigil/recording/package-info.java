/**
 * Recording a window: the records ({@link dev.vigil.recording.RequestRecord}, {@link
 * dev.vigil.recording.FlowRecord}, {@link dev.vigil.recording.EventRecord}), the non-blocking
 * {@link dev.vigil.recording.RunRecorder} that appends them to the run folder, and the {@link
 * dev.vigil.recording.RecordReader} that streams them back. File formats: {@code docs/results.md}.
 */
package dev.vigil.recording;
