package io.gatewatch.classify;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatewatch.schema.Category;
import io.gatewatch.schema.read.JsonMappers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The classifier's data: the error-code table, per-category outcome/severity/remediation, the
 * Dynamics error signals and the region hosts. Loaded from resource files (defaults under
 * {@code /gatewatch/}) so that following Microsoft's changes is a data change, and validated
 * on load: every category described, no code listed twice.
 */
public record ClassificationData(Map<Integer, CodeRule> byCode, CodeRule unknownCode,
                                 Map<Category, CategoryInfo> categories, DynamicsErrors dynamicsErrors,
                                 DynamicsRegions regions) {

    /** The Dataverse signals of a missing security role. */
    public record DynamicsErrors(List<String> missingRoleCodes, List<String> missingRoleMessages) {
    }

    private record CodeTable(List<CodeRule> codes, CodeRule unknownCode, DynamicsErrors dynamics) {
    }

    private record RegionTable(List<DynamicsRegions.RegionHost> regions) {
    }

    public static ClassificationData defaults() {
        try (InputStream codes = resource("error-codes.json");
             InputStream categories = resource("categories.json");
             InputStream regions = resource("dynamics-regions.json")) {
            return load(codes, categories, regions);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled classification data", e);
        }
    }

    public static ClassificationData load(InputStream codes, InputStream categories, InputStream regions)
            throws IOException {
        ObjectMapper mapper = JsonMappers.internal();
        CodeTable table = mapper.readValue(codes, CodeTable.class);
        Map<Integer, CodeRule> byCode = new HashMap<>();
        for (CodeRule rule : table.codes()) {
            for (Integer code : rule.codes()) {
                if (byCode.put(code, rule) != null) {
                    throw new IllegalArgumentException("error code " + code + " is listed twice in the code table");
                }
            }
        }
        Map<Category, CategoryInfo> infos = new EnumMap<>(Category.class);
        JsonNode categoryTree = mapper.readTree(categories);
        for (Category category : Category.values()) {
            JsonNode info = categoryTree.get(category.name());
            if (info == null) {
                throw new IllegalArgumentException("category " + category + " has no entry in the category table");
            }
            infos.put(category, mapper.treeToValue(info, CategoryInfo.class));
        }
        RegionTable regionTable = mapper.readValue(regions, new TypeReference<RegionTable>() { });
        if (table.unknownCode() == null || table.dynamics() == null) {
            throw new IllegalArgumentException("the code table needs 'unknownCode' and 'dynamics' sections");
        }
        return new ClassificationData(Map.copyOf(byCode), table.unknownCode(), infos, table.dynamics(),
                new DynamicsRegions(regionTable.regions()));
    }

    public CodeRule ruleFor(int errorCode) {
        return byCode.getOrDefault(errorCode, unknownCode);
    }

    public CategoryInfo info(Category category) {
        return categories.get(category);
    }

    private static InputStream resource(String name) {
        InputStream in = ClassificationData.class.getResourceAsStream("/gatewatch/" + name);
        if (in == null) {
            throw new IllegalStateException("bundled resource /gatewatch/" + name + " is missing");
        }
        return in;
    }
}
