package dev.vigil.simulations;

/**
 * Uptime probes of every service the catalog lists (or -Dvigil.services), over new and reused connections: the outages. Run alone with {@code mvn -pl simulations gatling:test
 * -Dgatling.simulationClass=dev.vigil.simulations.UptimeSimulation -Dvigil.cloud=NAME} and the plain
 * properties of {@link PlanSource} (README "From Maven").
 */
public class UptimeSimulation extends WindowSimulation {

  public UptimeSimulation() {
    super(PlanSource.Kind.UPTIME);
  }
}
