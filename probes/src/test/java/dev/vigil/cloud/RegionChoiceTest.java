package dev.vigil.cloud;

import static dev.vigil.cloud.CloudFixture.FILE;
import static dev.vigil.cloud.CloudFixture.FILE_SUBJECT;
import static dev.vigil.cloud.CloudFixture.failure;
import static dev.vigil.cloud.CloudFixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The region rules that {@link CloudAuthTest} does not reach through the loader. */
class RegionChoiceTest {

  @Test
  void aRegionNameListIsReadLikeRegions() {
    ObjectNode cloud = yaml("region_name: [east, west]");

    assertThat(RegionChoice.choose(cloud, null, null, FILE).name()).isEqualTo("east");
    assertThat(RegionChoice.choose(cloud, null, "west", FILE).name()).isEqualTo("west");
  }

  @Test
  void emptyNamesInARegionListAreNotRegions() {
    ObjectNode listed = yaml("region_name: ['', west]");
    ObjectNode commas = yaml("region_name: 'east,,west'");

    assertThat(RegionChoice.choose(listed, null, "west", FILE).name()).isEqualTo("west");
    assertThat(RegionChoice.choose(listed, null, null, FILE).name()).isEqualTo("west");
    assertThat(failure(() -> RegionChoice.choose(commas, null, "north", FILE))).contains("(east, west)");
  }

  @Test
  void aCloudWithoutRegionsTakesItsProfilesWithTheirValues() {
    ObjectNode profile = yaml("regions: [{name: north, values: {interface: internal}}]");

    RegionChoice.Region north = RegionChoice.choose(yaml("auth: {}"), profile, null, FILE);

    assertThat(north.name()).isEqualTo("north");
    assertThat(north.values()).isEqualTo(yaml("interface: internal"));
    assertThat(RegionChoice.choose(yaml("region_name: own"), profile, null, FILE).name())
        .isEqualTo("own");
  }

  @Test
  void noRegionAskedForOrKnownIsNone() {
    assertThat(RegionChoice.choose(yaml("auth: {}"), null, null, FILE)).isNull();
    assertThat(RegionChoice.choose(yaml("auth: {}"), null, "", FILE)).isNull();
  }

  @Test
  void aRegionMappingIsItsNameAndItsValuesAndNothingElse() {
    String expected = FILE_SUBJECT + "each entry of regions must be a name, or a mapping with"
        + " name: and optionally values: (a mapping), nothing else";

    assertThat(failure(() -> RegionChoice.choose(yaml("regions: [{values: {}}]"), null, null, FILE)))
        .isEqualTo(expected);
    assertThat(failure(() -> RegionChoice.choose(yaml("regions: [{name: a, values: x}]"), null, null,
        FILE))).isEqualTo(expected);
  }

  @Test
  void aRegionNameMustBeOneValue() {
    assertThat(failure(() -> RegionChoice.choose(yaml("regions: [[a]]"), null, null, FILE)))
        .isEqualTo(FILE_SUBJECT + "regions[] must be a single value, not a list or mapping");
  }
}
