package dev.vigil.simulations;

/**
 * Uptime probes and an availability flow per service (create, wait, read back, delete), each request followed by its id: was every accepted request honoured? Run alone with {@code mvn -pl simulations gatling:test
 * -Dgatling.simulationClass=dev.vigil.simulations.AvailabilitySimulation -Dvigil.cloud=NAME} and the plain
 * properties of {@link PlanSource} (README "From Maven").
 */
public class AvailabilitySimulation extends WindowSimulation {

  public AvailabilitySimulation() {
    super(PlanSource.Kind.AVAILABILITY);
  }
}
