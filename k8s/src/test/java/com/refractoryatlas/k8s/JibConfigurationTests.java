package com.refractoryatlas.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The image build (Jib, root pom) keeps what the manifests rely on: a pinned base image, a non-root user, container
 * sized JVM flags, never running during the normal build, and producing the image names the base manifests use.
 * Jib itself cannot run here (it pulls the base image from a registry), so its configuration is checked as data.
 */
class JibConfigurationTests {

    private static final Path ROOT = Kustomize.moduleDirectory().getParent();

    private static Document pom(String module) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Path pom = module.isEmpty()
                ? ROOT.resolve("pom.xml")
                : ROOT.resolve(module).resolve("pom.xml");
        return factory.newDocumentBuilder().parse(pom.toFile());
    }

    private static Element jibPlugin(Document pom) {
        NodeList plugins = pom.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if ("jib-maven-plugin".equals(text(plugin, "artifactId"))) {
                return plugin;
            }
        }
        throw new AssertionError("no jib-maven-plugin");
    }

    private static String text(Element parent, String tag) {
        NodeList found = parent.getElementsByTagName(tag);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().trim();
    }

    private static String directChild(Element parent, String tag) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(tag)) {
                return element.getTextContent().trim();
            }
        }
        return "";
    }

    private static String property(Document pom, String name) {
        return text((Element) pom.getElementsByTagName("properties").item(0), name);
    }

    private static List<String> children(Element parent, String tag) {
        List<String> values = new ArrayList<>();
        NodeList found = parent.getElementsByTagName(tag);
        for (int i = 0; i < found.getLength(); i++) {
            Node node = found.item(i);
            values.add(node.getTextContent().trim());
        }
        return values;
    }

    @Test
    void pinsTheBaseImageAndRunsAsNonRootWithContainerSizedHeap() throws Exception {
        Document root = pom("");
        Element jib = jibPlugin(root);

        assertThat(property(root, "jib-maven-plugin.version")).isNotBlank();
        assertThat(property(root, "jib.base-image"))
                .startsWith("eclipse-temurin:21")
                .matches(".*:\\d+\\.\\d+\\.\\d+_\\d+-jre.*")
                .doesNotContain("latest");
        assertThat(text(jib, "user")).matches("[1-9]\\d*:[1-9]\\d*");
        assertThat(children(jib, "jvmFlag")).contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError");
    }

    @Test
    void theImportImageRunsItsParsingThreadsAtTheLowestOsPriorityKeepingTheSharedFlags() throws Exception {
        Element jib = jibPlugin(pom("import-service"));
        var flags = (Element) jib.getElementsByTagName("jvmFlags").item(0);

        assertThat(flags.getAttribute("combine.children")).isEqualTo("append");
        assertThat(children(jib, "jvmFlag"))
                .containsExactly(
                        "-XX:ThreadPriorityPolicy=1",
                        "-XX:JavaPriority1_To_OSPriority=19",
                        "-XX:CompilerThreadPriority=0");
    }

    @Test
    void neverRunsDuringTheNormalBuild() throws Exception {
        Element jib = jibPlugin(pom(""));

        assertThat(jib.getElementsByTagName("executions").getLength()).isZero();
        assertThat(text(jib, "skip")).as("libraries are no images").isEqualTo("true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "catalog-service", "references-service", "import-service"})
    void buildsAnImageOfEachServiceNamedAsTheManifestsExpect(String service) throws Exception {
        Document root = pom("");
        Element jib = jibPlugin(pom(service));
        String version = directChild(root.getDocumentElement(), "version");
        String expectedImage = property(root, "image.registry") + "/" + service + ":" + version;

        assertThat(text(jib, "skip")).isEqualTo("false");
        assertThat(jib.getElementsByTagName("executions").getLength()).isZero();
        assertThat(RenderedOverlaysTests.render(Environment.DEV))
                .filteredOn(m -> m.is("Deployment") && m.name().equals(service))
                .extracting(m -> m.string("spec.template.spec.containers[0].image"))
                .containsExactly(expectedImage);
        assertThat(property(root, "image.tag")).isEqualTo("${project.version}");
    }
}
