package dev.vigil.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.types.Facing;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.common.Payloads;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.identity.v3.Endpoint;
import org.openstack4j.model.identity.v3.Service;
import org.openstack4j.model.identity.v3.Token;
import org.openstack4j.model.image.v2.ContainerFormat;
import org.openstack4j.model.image.v2.DiskFormat;
import org.openstack4j.model.image.v2.Image;
import org.openstack4j.model.network.IPVersionType;
import org.openstack4j.model.network.Network;
import org.openstack4j.model.network.Subnet;
import org.openstack4j.model.storage.block.Volume;
import org.openstack4j.openstack.OSFactory;

/**
 * The lab cloud works for the NON-admin user {@code demo} (project demo, roles member + reader):
 * token, catalog, image up/download, swift object, network + subnet, server ACTIVE with the fake
 * driver, volume create/attach/detach. Everything created carries a unique prefix and is deleted
 * in {@link #cleanUp()}, which then asserts nothing with that prefix is left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabCloudIT {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private final String prefix = "vigil-it-" + UUID.randomUUID().toString().substring(0, 8);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Token token;
    private String imageId;
    private String networkId;
    private String subnetId;
    private String serverId;
    private String volumeId;
    private String container;
    private boolean attached;

    @BeforeAll
    void logIn() {
        OSClientV3 os = OSFactory.builderV3()
                .endpoint(Lab.AUTH_URL)
                .credentials("demo", Lab.password("lab"), Identifier.byName(Lab.DOMAIN))
                .scopeToProject(Identifier.byName("demo"), Identifier.byName(Lab.DOMAIN))
                .authenticate();
        token = os.getToken();
    }

    /** openstack4j binds a session to a thread; a client from the token works on any thread. */
    private OSClientV3 os() {
        return OSFactory.clientFromToken(token);
    }

    @Test
    @Order(1)
    void issuesATokenForTheNonAdminUser() {
        assertThat(token.getId()).isNotBlank();
        assertThat(token.getUser().getName()).isEqualTo("demo");
        assertThat(token.getProject().getName()).isEqualTo("demo");
        assertThat(token.getRoles()).extracting(r -> r.getName())
                .contains("member", "reader").doesNotContain("admin");
    }

    @Test
    @Order(2)
    void catalogHasAtLeastSevenServicesBehindHaproxy() {
        List<? extends Service> catalog = token.getCatalog();
        assertThat(catalog).extracting(Service::getType).doesNotHaveDuplicates()
                .contains("identity", "image", "compute", "placement", "block-storage", "volumev3",
                        "object-store", "network");
        assertThat(catalog.size()).isGreaterThanOrEqualTo(7);
        for (Service s : catalog) {
            for (Endpoint e : s.getEndpoints()) {
                assertThat(e.getUrl().toString()).as(s.getType()).startsWith("http://127.0.0.1:");
            }
        }
    }

    @Test
    @Order(3)
    void uploadsAndDownloadsAnImageByteForByte() throws IOException {
        byte[] data = randomBytes(1 << 20);
        Path up = Files.createTempFile(prefix, ".raw");
        Path down = Files.createTempFile(prefix, ".dl");
        try {
            Files.write(up, data);
            Image image = os().imagesV2().create(Builders.imageV2().name(prefix + "-img")
                    .containerFormat(ContainerFormat.BARE).diskFormat(DiskFormat.RAW).build());
            imageId = image.getId();
            assertThat(os().imagesV2().upload(imageId, Payloads.create(up.toFile()), image).isSuccess()).isTrue();
            assertThat(os().imagesV2().get(imageId).getStatus()).isEqualTo(Image.ImageStatus.ACTIVE);
            assertThat(os().imagesV2().download(imageId, down.toFile()).isSuccess()).isTrue();
            assertThat(Files.readAllBytes(down)).isEqualTo(data);
        } finally {
            Files.deleteIfExists(up);
            Files.deleteIfExists(down);
        }
    }

    @Test
    @Order(4)
    void storesAndReadsASwiftObjectByteForByte() throws Exception {
        byte[] data = randomBytes(100_000);
        container = prefix + "-c";
        assertThat(swift("PUT", container, HttpRequest.BodyPublishers.noBody()).statusCode()).isIn(201, 202);
        assertThat(swift("PUT", container + "/obj.bin", HttpRequest.BodyPublishers.ofByteArray(data)).statusCode())
                .isEqualTo(201);
        HttpResponse<byte[]> got = swift("GET", container + "/obj.bin", HttpRequest.BodyPublishers.noBody());
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(data);
    }

    @Test
    @Order(5)
    void createsANetworkAndSubnet() {
        Network net = os().networking().network()
                .create(Builders.network().name(prefix + "-net").adminStateUp(true).build());
        networkId = net.getId();
        Subnet subnet = os().networking().subnet().create(Builders.subnet().name(prefix + "-subnet")
                .networkId(networkId).ipVersion(IPVersionType.V4).cidr("10.99.0.0/24").build());
        subnetId = subnet.getId();
        assertThat(os().networking().subnet().get(subnetId).getCidr()).isEqualTo("10.99.0.0/24");
    }

    @Test
    @Order(6)
    void bootsAServerToActiveWithTheFakeDriver() {
        assertThat(networkId).as("network from the previous step").isNotNull();
        List<? extends org.openstack4j.model.image.v2.Image> tiny = os().imagesV2().list(Map.of("name", "tiny"));
        assertThat(tiny).as("image 'tiny' made by lab/up").isNotEmpty();
        Server server = os().compute().servers().boot(Builders.server().name(prefix + "-vm").flavor("1")
                .image(tiny.get(0).getId()).networks(List.of(networkId)).build());
        serverId = server.getId();
        Server.Status status = waitFor(() -> os().compute().servers().get(serverId).getStatus(),
                s -> s == Server.Status.ACTIVE || s == Server.Status.ERROR);
        assertThat(status).isEqualTo(Server.Status.ACTIVE);
    }

    @Test
    @Order(7)
    void createsAttachesAndDetachesAVolume() {
        assertThat(serverId).as("server from the previous step").isNotNull();
        Volume volume = os().blockStorage().volumes().create(Builders.volume().name(prefix + "-vol").size(1).build());
        volumeId = volume.getId();
        assertThat(waitForVolume(Volume.Status.AVAILABLE)).isEqualTo(Volume.Status.AVAILABLE);

        os().compute().servers().attachVolume(serverId, volumeId, null);
        attached = true;
        assertThat(waitForVolume(Volume.Status.IN_USE)).isEqualTo(Volume.Status.IN_USE);

        assertThat(os().compute().servers().detachVolume(serverId, volumeId).isSuccess()).isTrue();
        assertThat(waitForVolume(Volume.Status.AVAILABLE)).isEqualTo(Volume.Status.AVAILABLE);
        attached = false;
    }

    @AfterAll
    void cleanUp() throws Exception {
        List<String> problems = new ArrayList<>();
        if (attached) {
            tryTo(problems, "detach", () -> os().compute().servers().detachVolume(serverId, volumeId));
            waitFor(() -> statusOf(volumeId), s -> s != Volume.Status.IN_USE && s != Volume.Status.DETACHING);
        }
        if (volumeId != null) {
            tryTo(problems, "volume delete", () -> os().blockStorage().volumes().delete(volumeId));
        }
        if (serverId != null) {
            tryTo(problems, "server delete", () -> os().compute().servers().delete(serverId));
            waitFor(() -> os().compute().servers().get(serverId) == null, gone -> gone);
        }
        if (volumeId != null) {
            waitFor(() -> os().blockStorage().volumes().get(volumeId) == null, gone -> gone);
        }
        if (subnetId != null) {
            tryTo(problems, "subnet delete", () -> os().networking().subnet().delete(subnetId));
        }
        if (networkId != null) {
            tryTo(problems, "network delete", () -> os().networking().network().delete(networkId));
        }
        if (imageId != null) {
            tryTo(problems, "image delete", () -> os().imagesV2().delete(imageId));
        }
        if (container != null) {
            tryTo(problems, "object delete", () -> swift("DELETE", container + "/obj.bin", HttpRequest.BodyPublishers.noBody()));
            tryTo(problems, "container delete", () -> swift("DELETE", container, HttpRequest.BodyPublishers.noBody()));
        }

        // nothing named with this run's prefix is left
        OSClientV3 os = os();
        List<String> left = new ArrayList<>();
        os.imagesV2().list().stream().filter(i -> named(i.getName())).forEach(i -> left.add("image " + i.getName()));
        os.compute().servers().list().stream().filter(s -> named(s.getName())).forEach(s -> left.add("server " + s.getName()));
        os.blockStorage().volumes().list().stream().filter(v -> named(v.getName())).forEach(v -> left.add("volume " + v.getName()));
        os.networking().network().list().stream().filter(n -> named(n.getName())).forEach(n -> left.add("network " + n.getName()));
        os.networking().subnet().list().stream().filter(n -> named(n.getName())).forEach(n -> left.add("subnet " + n.getName()));
        String containers = new String(swift("GET", "", HttpRequest.BodyPublishers.noBody()).body());
        containers.lines().filter(this::named).forEach(c -> left.add("container " + c));
        assertThat(left).as("left over after clean-up (errors: %s)", problems).isEmpty();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private boolean named(String name) {
        return name != null && name.startsWith(prefix);
    }

    private HttpResponse<byte[]> swift(String method, String path, HttpRequest.BodyPublisher body) throws Exception {
        String base = token.getCatalog().stream().filter(s -> s.getType().equals("object-store"))
                .flatMap(s -> s.getEndpoints().stream()).filter(e -> e.getIface() == Facing.PUBLIC)
                .map(e -> e.getUrl().toString()).findFirst().orElseThrow();
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/" + path)).timeout(Duration.ofSeconds(30))
                .header("X-Auth-Token", token.getId()).method(method, body).build();
        return http.send(req, HttpResponse.BodyHandlers.ofByteArray());
    }

    private Volume.Status statusOf(String id) {
        Volume v = os().blockStorage().volumes().get(id);
        return v == null ? null : v.getStatus();
    }

    private Volume.Status waitForVolume(Volume.Status wanted) {
        return waitFor(() -> statusOf(volumeId), s -> s == wanted || s == Volume.Status.ERROR);
    }

    private static <T> T waitFor(Supplier<T> get, java.util.function.Predicate<T> done) {
        long end = System.nanoTime() + WAIT.toNanos();
        T v = get.get();
        while (!done.test(v) && System.nanoTime() < end) {
            sleep(500);
            v = get.get();
        }
        return v;
    }

    private static void sleep(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private interface Action {
        Object run() throws Exception;
    }

    private static void tryTo(List<String> problems, String what, Action a) {
        try {
            a.run();
        } catch (Exception | AssertionError e) {
            problems.add(what + ": " + e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random().nextBytes(b);
        return b;
    }
}
