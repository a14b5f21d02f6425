package com.refractoryatlas.references.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RisExporterTests {

    private static final Pattern LINE = Pattern.compile("^([A-Z][A-Z0-9])  - ?(.*)$");

    private final RisExporter exporter = new RisExporter();

    /** A strict RIS reader: every line is "XX  - value", records end with ER; answers tag -> values per record. */
    static List<Map<String, List<String>>> parse(String ris) {
        var records = new ArrayList<Map<String, List<String>>>();
        Map<String, List<String>> current = null;
        for (var line : ris.split("\r\n")) {
            if (line.isEmpty()) {
                continue;
            }
            var matcher = LINE.matcher(line);
            assertThat(matcher.matches()).as("RIS line %s", line).isTrue();
            var tag = matcher.group(1);
            if (tag.equals("TY")) {
                current = new LinkedHashMap<>();
            }
            assertThat(current).as("record opened by TY").isNotNull();
            if (tag.equals("ER")) {
                records.add(current);
                current = null;
                continue;
            }
            current.computeIfAbsent(tag, key -> new ArrayList<>()).add(matcher.group(2));
        }
        assertThat(current).as("every record closed by ER").isNull();
        return records;
    }

    @Test
    void writesTheStandardTagsThatReadBackToTheSameFields() {
        var records = parse(exporter.export(ExportFixtures.KETAMINE));

        assertThat(records).hasSize(1);
        var record = records.getFirst();
        assertThat(record.get("TY")).containsExactly("JOUR");
        assertThat(record.get("AU"))
                .containsExactly("Wilkinson, Steven T.", "Ballard, Evan D.", "Zarate, Carlos A., Jr.");
        assertThat(record.get("TI")).containsExactly(ExportFixtures.KETAMINE.title());
        assertThat(record.get("T2")).containsExactly("Ann N Y Acad Sci");
        assertThat(record.get("JO")).containsExactly("Ann N Y Acad Sci");
        assertThat(record.get("VL")).containsExactly("1498");
        assertThat(record.get("IS")).containsExactly("1");
        assertThat(record.get("SP")).containsExactly("154");
        assertThat(record.get("EP")).containsExactly("171");
        assertThat(record.get("PY")).containsExactly("2021");
        assertThat(record.get("DO")).containsExactly("10.1111/nyas.14664");
    }

    @Test
    void writesAnArticleNumberAsStartPageOnlyAndSkipsMissingFields() {
        var record = parse(exporter.export(ExportFixtures.AWKWARD)).getFirst();

        assertThat(record.get("SP")).containsExactly("102506");
        assertThat(record).doesNotContainKeys("EP", "IS", "DO");
        assertThat(record.get("AU")).containsExactly("Müller, Jürgen", "van der Berg, Anke, III");
        assertThat(record.get("TI")).containsExactly(ExportFixtures.AWKWARD.title());
    }

    @Test
    void writesOneRecordPerReference() {
        var records = parse(exporter.export(List.of(ExportFixtures.KETAMINE, ExportFixtures.AWKWARD)));

        assertThat(records)
                .extracting(record -> record.get("TI").getFirst())
                .containsExactly(ExportFixtures.KETAMINE.title(), ExportFixtures.AWKWARD.title());
    }
}
