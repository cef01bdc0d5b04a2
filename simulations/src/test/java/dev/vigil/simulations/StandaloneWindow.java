package dev.vigil.simulations;

/**
 * The whole window, as {@code vigil watch} runs it (uptime probes, flows, and load with
 * -Dvigil.load), for {@code mvn gatling:test}: the simulation the plugin runs unless
 * {@code -Dgatling.simulationClass} names {@link UptimeSimulation}, {@link AvailabilitySimulation} or
 * {@link LoadSimulation}. Its plan comes from plain properties or a plan file ({@link PlanSource}).
 *
 * <pre>
 * OS_CLIENT_CONFIG_FILE=lab/clouds.yaml mvn -pl simulations gatling:test -Dvigil.cloud=lab -Dvigil.duration=5m -Dvigil.out=/tmp/run
 * </pre>
 */
public class StandaloneWindow extends WindowSimulation {}
