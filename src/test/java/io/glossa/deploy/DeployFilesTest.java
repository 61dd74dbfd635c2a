package io.glossa.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What can be checked of the deployment files without a container engine or a cluster (both only partly available
 * here, see docs/deploy.md): the compose file's services, mounts and secrets, the Kubernetes manifests' probes,
 * resources, disruption budgets and scaler, and the image's Containerfile.
 */
class DeployFilesTest {
    private static final Path DEPLOY = Path.of("deploy");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void composeRunsEveryPartWithThreeWorkersByDefault() throws IOException {
        JsonNode services = compose().path("services");
        assertThat(names(services))
                .containsExactlyInAnyOrder("rabbitmq", "postgres", "api", "worker", "prometheus", "grafana");
        assertThat(services.at("/worker/deploy/replicas").asText()).isEqualTo("${GLOSSA_WORKERS:-3}");
        assertThat(services.at("/api/command/0").asText()).isEqualTo("api");
        assertThat(services.at("/worker/command/0").asText()).isEqualTo("worker");
        assertThat(services.at("/worker/environment/GLOSSA_METRICS_PORT").asText())
                .isEqualTo("9100");
        for (String role : List.of("api", "worker")) {
            assertThat(services.at("/" + role + "/healthcheck/test").asText())
                    .as(role)
                    .contains("/ready");
            assertThat(services.at("/" + role + "/depends_on/rabbitmq/condition")
                            .asText())
                    .isEqualTo("service_healthy");
        }
    }

    @Test
    void composeMountsFilesThatExistAndLoadsTheRulesAndTheDashboard() throws IOException {
        List<String> mounted = new ArrayList<>();
        compose()
                .path("services")
                .forEach(service -> service.path("volumes").forEach(v -> {
                    String source = v.asText().split(":")[0];
                    if (source.startsWith("./")) {
                        mounted.add(source);
                        assertThat(DEPLOY.resolve(source)).as(v.asText()).exists();
                    }
                }));
        assertThat(mounted)
                .contains(
                        "./prometheus/alerts.yml",
                        "./prometheus/prometheus-compose.yml",
                        "./grafana/glossa.json",
                        "./grafana/provisioning");
        JsonNode scrape =
                yaml(DEPLOY.resolve("prometheus/prometheus-compose.yml")).get(0);
        List<String> jobs = new ArrayList<>();
        scrape.path("scrape_configs")
                .forEach(job -> jobs.add(job.path("job_name").asText()));
        assertThat(jobs).as("the job names alerts.yml uses").contains("glossa-api", "glossa-worker");
    }

    @Test
    void composeTakesEveryPasswordFromTheEnvironment() throws IOException {
        compose()
                .path("services")
                .forEach(service -> service.path("environment").properties().forEach(e -> {
                    if (e.getKey().contains("PASSWORD") || e.getKey().endsWith("_PASS")) {
                        assertThat(e.getValue().asText()).as(e.getKey()).matches("\\$\\{[A-Z_]+:\\?[^}]+}");
                    }
                }));
        assertThat(Files.readString(DEPLOY.resolve("compose.yaml"))).doesNotContainIgnoringCase("password: change");
    }

    @Test
    void everyKubernetesContainerHasProbesResourcesAndNoLiteralSecret() throws IOException {
        List<JsonNode> deployments = manifests("Deployment");
        assertThat(deployments)
                .extracting(d -> d.at("/metadata/name").asText())
                .containsExactlyInAnyOrder("glossa-api", "glossa-worker");
        for (JsonNode deployment : deployments) {
            JsonNode pod = deployment.at("/spec/template/spec");
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
            for (JsonNode container : pod.path("containers")) {
                String name = container.path("name").asText();
                assertThat(container.at("/livenessProbe/httpGet/path").asText())
                        .as(name)
                        .isEqualTo("/health");
                assertThat(container.at("/readinessProbe/httpGet/path").asText())
                        .as(name)
                        .isEqualTo("/ready");
                assertThat(container.at("/resources/requests/cpu").isMissingNode())
                        .as(name + " cpu request")
                        .isFalse();
                assertThat(container.at("/resources/requests/memory").isMissingNode())
                        .as(name)
                        .isFalse();
                container.path("env").forEach(env -> {
                    if (env.path("name").asText().contains("PASSWORD")) {
                        assertThat(env.has("value"))
                                .as(env.path("name").asText() + " must come from a Secret")
                                .isFalse();
                        assertThat(env.at("/valueFrom/secretKeyRef/name").asText())
                                .isEqualTo("glossa-secrets");
                    }
                });
            }
        }
        assertThat(manifests("Secret"))
                .as("secrets are created by the operator, never kept here")
                .isEmpty();
    }

    @Test
    void eachDeploymentHasADisruptionBudgetAndWorkersScaleOnTheRealtimeQueue() throws IOException {
        List<String> podLabels = manifests("Deployment").stream()
                .map(d -> d.at("/spec/template/metadata/labels/app.kubernetes.io~1name")
                        .asText())
                .toList();
        assertThat(manifests("PodDisruptionBudget"))
                .extracting(p -> p.at("/spec/selector/matchLabels/app.kubernetes.io~1name")
                        .asText())
                .containsExactlyInAnyOrderElementsOf(podLabels);
        JsonNode scaler = manifests("ScaledObject").get(0);
        assertThat(scaler.at("/spec/scaleTargetRef/name").asText()).isEqualTo("glossa-worker");
        assertThat(scaler.at("/spec/minReplicaCount").asInt()).isEqualTo(3);
        assertThat(scaler.at("/spec/triggers/0/type").asText()).isEqualTo("rabbitmq");
        assertThat(scaler.at("/spec/triggers/0/metadata/queueName").asText()).isEqualTo("glossa.jobs.realtime");
        assertThat(manifests("TriggerAuthentication")
                        .get(0)
                        .at("/spec/secretTargetRef/0/name")
                        .asText())
                .isEqualTo("glossa-secrets");
    }

    @Test
    void theImageRunsAsItsOwnUserWithAHealthCheckAndNoSecrets() throws IOException {
        String containerfile = Files.readString(DEPLOY.resolve("image/Containerfile"));
        Matcher user = Pattern.compile("(?m)^USER (\\d+)").matcher(containerfile);
        assertThat(user.find()).isTrue();
        assertThat(Integer.parseInt(user.group(1))).isPositive();
        assertThat(containerfile)
                .containsPattern("(?m)^HEALTHCHECK .*\\n?.*/health")
                .contains("MaxRAMPercentage")
                .doesNotContainPattern("(?m)^ENV .*PASSWORD");
    }

    private static JsonNode compose() throws IOException {
        return yaml(DEPLOY.resolve("compose.yaml")).get(0);
    }

    /**
     * The documents of a YAML file as JSON trees. SnakeYAML itself, not Jackson's YAML parser: only it resolves the
     * merge keys ({@code <<: *anchor}) that the compose file shares its settings with.
     */
    private static List<JsonNode> yaml(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (var reader = Files.newBufferedReader(file)) {
            for (Object document : new Yaml().loadAll(reader)) {
                if (document != null) {
                    documents.add(JSON.valueToTree(document));
                }
            }
        }
        return documents;
    }

    /** Every document of every file in deploy/k8s with this kind. */
    private static List<JsonNode> manifests(String kind) throws IOException {
        List<JsonNode> found = new ArrayList<>();
        try (var files = Files.list(DEPLOY.resolve("k8s"))) {
            for (Path file : files.sorted().toList()) {
                yaml(file).stream()
                        .filter(d -> kind.equals(d.path("kind").asText()))
                        .forEach(found::add);
            }
        }
        return found;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
