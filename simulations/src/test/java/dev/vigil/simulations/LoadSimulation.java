package dev.vigil.simulations;

/**
 * Uptime probes and load at -Dvigil.load requests/s (default 20) spread over the services: the latency under load. Run alone with {@code mvn -pl simulations gatling:test
 * -Dgatling.simulationClass=dev.vigil.simulations.LoadSimulation -Dvigil.cloud=NAME} and the plain
 * properties of {@link PlanSource} (README "From Maven").
 */
public class LoadSimulation extends WindowSimulation {

  public LoadSimulation() {
    super(PlanSource.Kind.LOAD);
  }
}
