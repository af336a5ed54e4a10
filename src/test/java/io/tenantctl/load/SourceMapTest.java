package io.tenantctl.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantctl.diag.Location;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** JSON Pointer to {@code file:line:column}, on a file of several documents in several styles. */
class SourceMapTest {

    /*
     * Every scalar below is written once in the file, so that its place can be found by searching
     * the text; the property test relies on it.
     */
    private static final String MULTI = String.join(
            "\n",
            "# three documents", // 1
            "apiVersion: tenantctl.io/v1", // 2
            "kind: Tenant", // 3
            "metadata:", // 4
            "  name: northwind", // 5
            "  annotations:", // 6
            "    tenantctl.io/protect: yes-please", // 7
            "    a~b: tilde-value", // 8
            "spec:", // 9
            "  displayName: Contoso", // 10
            "  initialDomain: contoso.onmicrosoft.com", // 11
            "  domains: [example.org, fabrikam.com]", // 12
            "  globalAdministrators:", // 13
            "  - msmith@contoso.com", // 14
            "  -   JohnDoe@contoso.com", // 15
            "---", // 16
            "apiVersion: tenantctl.io/v2", // 17
            "kind: Account", // 18
            "metadata: {name: john-doe}", // 19
            "spec:", // 20
            "    signInName: jd@contoso.com", // 21
            "    type: WorkOrSchool", // 22
            "--- {apiVersion: x1, kind: Subscription, metadata: {name: msdn-1},", // 23
            "     spec: {offer: Azure, coAdministrators: [a@b.com, c@d.com]}}", // 24
            "");

    private static List<Document> load(String display, String text) {
        ManifestLoader loader = new ManifestLoader(Limits.DEFAULT);
        LoadResult result = loader.parse(new RawFile(display, text.getBytes(StandardCharsets.UTF_8)));
        assertThat(result.diagnostics()).isEmpty();
        return result.documents();
    }

    private static String at(Location location) {
        return location.file() + ":" + location.line() + ":" + location.column();
    }

    @Test
    void documentsKnowTheirFileAndIndex() {
        List<Document> documents = load("multi.yaml", MULTI);

        assertThat(documents).extracting(Document::file).containsOnly("multi.yaml");
        assertThat(documents).extracting(Document::index).containsExactly(0, 1, 2);
        assertThat(documents)
                .extracting(d -> at(d.location()))
                .containsExactly("multi.yaml:2:1", "multi.yaml:17:1", "multi.yaml:23:5");
    }

    @Test
    void valuesAndEntriesOfTheFirstDocument() {
        Document tenant = load("multi.yaml", MULTI).get(0);

        assertThat(at(tenant.locateValue("/metadata/name"))).isEqualTo("multi.yaml:5:9");
        assertThat(at(tenant.locateEntry("/metadata/name"))).isEqualTo("multi.yaml:5:3");
        assertThat(at(tenant.locateValue("/metadata"))).isEqualTo("multi.yaml:5:3");
        assertThat(at(tenant.locateEntry("/metadata"))).isEqualTo("multi.yaml:4:1");
        assertThat(at(tenant.locateValue("/spec/domains"))).isEqualTo("multi.yaml:12:12");
        assertThat(at(tenant.locateValue("/spec/domains/1"))).isEqualTo("multi.yaml:12:26");
        assertThat(at(tenant.locateValue("/spec/globalAdministrators/0"))).isEqualTo("multi.yaml:14:5");
        assertThat(at(tenant.locateValue("/spec/globalAdministrators/1"))).isEqualTo("multi.yaml:15:7");
        // An array element has no key: its entry is its value.
        assertThat(at(tenant.locateEntry("/spec/globalAdministrators/1"))).isEqualTo("multi.yaml:15:7");
    }

    @Test
    void escapedPointerTokens() {
        Document tenant = load("multi.yaml", MULTI).get(0);

        assertThat(SourceMap.escape("tenantctl.io/protect")).isEqualTo("tenantctl.io~1protect");
        assertThat(SourceMap.escape("a~b")).isEqualTo("a~0b");
        assertThat(at(tenant.locateValue("/metadata/annotations/tenantctl.io~1protect")))
                .isEqualTo("multi.yaml:7:27");
        assertThat(at(tenant.locateEntry("/metadata/annotations/tenantctl.io~1protect")))
                .isEqualTo("multi.yaml:7:5");
        assertThat(at(tenant.locateValue("/metadata/annotations/a~0b"))).isEqualTo("multi.yaml:8:10");
    }

    @Test
    void laterDocumentsCountTheirOwnNodesOnly() {
        List<Document> documents = load("multi.yaml", MULTI);
        Document account = documents.get(1);
        Document subscription = documents.get(2);

        assertThat(at(account.locateValue("/apiVersion"))).isEqualTo("multi.yaml:17:13");
        assertThat(at(account.locateValue("/metadata/name"))).isEqualTo("multi.yaml:19:18");
        assertThat(at(account.locateEntry("/spec/type"))).isEqualTo("multi.yaml:22:5");
        assertThat(at(account.locateValue("/spec/type"))).isEqualTo("multi.yaml:22:11");
        assertThat(at(subscription.locateValue("/metadata/name"))).isEqualTo("multi.yaml:23:59");
        assertThat(at(subscription.locateValue("/spec/coAdministrators/1"))).isEqualTo("multi.yaml:24:55");
        assertThat(at(subscription.locateEntry("/spec/offer"))).isEqualTo("multi.yaml:24:13");
    }

    @Test
    void aMissingPointerFallsBackToItsNearestAncestor() {
        Document tenant = load("multi.yaml", MULTI).get(0);

        assertThat(at(tenant.locateValue("/spec/nothing"))).isEqualTo(at(tenant.locateValue("/spec")));
        assertThat(at(tenant.locateValue("/spec/globalAdministrators/7")))
                .isEqualTo(at(tenant.locateValue("/spec/globalAdministrators")));
        assertThat(at(tenant.locateValue("/spec/displayName/deeper"))).isEqualTo("multi.yaml:10:16");
        assertThat(at(tenant.locateValue("/nothing/at/all"))).isEqualTo("multi.yaml:2:1");
    }

    /** Every scalar of every document is located where its text is, whatever the line ends. */
    @ParameterizedTest(name = "line ends {0}")
    @ValueSource(strings = {"LF", "CRLF"})
    void everyScalarIsWhereItsTextIs(String lineEnds) {
        String text = lineEnds.equals("CRLF") ? MULTI.replace("\n", "\r\n") : MULTI;
        String[] lines = MULTI.split("\n", -1);
        int checked = 0;
        for (Document document : load("multi.yaml", text)) {
            for (String pointer : SourceMap.pointers(document.root())) {
                JsonNode node = document.root().at(pointer);
                if (!node.isValueNode()) {
                    continue;
                }
                String expected = find(lines, node.asString());
                assertThat(at(document.locateValue(pointer)))
                        .as("%s in document %d", pointer, document.index())
                        .isEqualTo(expected);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(22);
    }

    @Test
    void aSyntheticMapPointsAtTheFirstLine() {
        SourceMap map = SourceMap.synthetic("state");

        assertThat(at(map.locateValue("/spec/tenant"))).isEqualTo("state:1:1");
        assertThat(at(map.locateEntry("/spec/tenant"))).isEqualTo("state:1:1");
    }

    /** The 1-based place of the one occurrence of {@code value} in the lines. */
    private static String find(String[] lines, String value) {
        String found = null;
        for (int i = 0; i < lines.length; i++) {
            int column = lines[i].indexOf(value);
            if (column >= 0) {
                assertThat(found).as("%s is written once", value).isNull();
                assertThat(lines[i].indexOf(value, column + 1))
                        .as("%s is written once", value)
                        .isNegative();
                found = "multi.yaml:" + (i + 1) + ":" + (column + 1);
            }
        }
        assertThat(found).as("%s is in the text", value).isNotNull();
        return found;
    }
}
