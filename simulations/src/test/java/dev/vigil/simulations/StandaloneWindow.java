package dev.vigil.simulations;

/**
 * The window simulation for {@code mvn gatling:test}: the same {@link WindowSimulation} that {@code
 * vigil watch} starts in its child JVM, run by gatling-maven-plugin from a plan file:
 *
 * <pre>
 * OS_CLIENT_CONFIG_FILE=lab/clouds.yaml mvn -pl simulations gatling:test -Dvigil.plan=/tmp/run/plan.json
 * </pre>
 *
 * <p>The plan names the cloud (credentials are read from clouds.yaml or OS_* as usual), the run
 * folder, services and rates; see docs/observers.md for a minimal one. With {@code parent_pid: 0}
 * the window runs until {@code RUN_DIR/stop} exists or {@code max_duration} has passed.
 */
public class StandaloneWindow extends WindowSimulation {}
