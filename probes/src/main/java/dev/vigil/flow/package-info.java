/**
 * Availability flows as data: what a service's create → ready → read back → delete → gone flow
 * sends and how it judges each answer ({@link dev.vigil.flow.FlowSpec}), one state machine that
 * applies those judgements ({@link dev.vigil.flow.FlowExecution}), and the parts shared by every
 * interpreter: a plain JDK-HttpClient runner ({@link dev.vigil.flow.FlowRunner}), circuit breakers
 * and the cleanup after a window ({@link dev.vigil.flow.FlowSupervisor}). The Gatling interpreter
 * lives in the simulations module; no Gatling type appears here.
 */
package dev.vigil.flow;
