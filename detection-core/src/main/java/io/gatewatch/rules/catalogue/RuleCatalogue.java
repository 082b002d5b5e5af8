package io.gatewatch.rules.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every rule Gatewatch runs, in the order it runs them: the shipped catalogue
 * ({@code config/rules.yaml}, bundled as {@code /gatewatch/rules.yaml}) and the rule files a
 * user adds. A user's file adds rules; it cannot redefine a shipped one (tune that with
 * {@code rule.<ID>.*} keys, or switch it off and write your own under a new id).
 */
public final class RuleCatalogue {

    private static final String SHIPPED_RESOURCE = "/gatewatch/rules.yaml";
    private static final RuleCatalogue SHIPPED = new RuleCatalogue(CatalogueReader.readShipped(shippedText(),
            "rules.yaml"));

    private final Map<String, RuleDefinition> byId = new LinkedHashMap<>();
    private final Map<String, String> defaults = new HashMap<>();

    private RuleCatalogue(List<RuleDefinition> rules) {
        for (RuleDefinition rule : rules) {
            byId.put(rule.id(), rule);
            defaults.putAll(rule.defaults());
        }
        checkReferences();
    }

    public static RuleCatalogue shipped() {
        return SHIPPED;
    }

    /** This catalogue and the rules of one more file's text. */
    public RuleCatalogue plus(String text, String source) {
        List<RuleDefinition> added = CatalogueReader.read(text, source);
        List<RuleDefinition> all = new ArrayList<>(byId.values());
        for (RuleDefinition rule : added) {
            RuleDefinition existing = byId.get(rule.id());
            if (existing != null) {
                throw new CatalogueException(rule.source(), 0, rule.id(), "id", "duplicate id: " + existing.source()
                        + " has it; tune a rule with rule." + rule.id() + ".* keys, or switch it off "
                        + "(rule." + rule.id() + ".enabled=false) and give yours a new id");
            }
            if (rule.shape() == Shape.JAVA) {
                throw new CatalogueException(rule.source(), 0, rule.id(), "shape", "java is for Gatewatch's own rules; "
                        + "a rule file uses " + String.join(", ", List.of("match", "count", "burst-then-success", "new-terms", "escalation")));
            }
            all.add(rule);
        }
        return new RuleCatalogue(all);
    }

    /** This catalogue and the rules of the given files, read as UTF-8. */
    public RuleCatalogue plus(List<Path> files) {
        RuleCatalogue catalogue = this;
        for (Path file : files) {
            try {
                catalogue = catalogue.plus(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            } catch (IOException e) {
                throw new CatalogueException(file.toString(), 0, null, null, "cannot read it (" + e.getClass().getSimpleName() + ")");
            }
        }
        return catalogue;
    }

    public List<RuleDefinition> all() {
        return List.copyOf(byId.values());
    }

    public Optional<RuleDefinition> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * What a rule's state (windows, incidents) is stored under: its definition's state key, or the
     * name itself for a rule the catalogue does not know.
     */
    public String stateKey(String id) {
        RuleDefinition rule = byId.get(id);
        return rule == null ? id : rule.stateKey();
    }

    /** The numbers the rule files' own rules bring, as rule settings keys. */
    public Map<String, String> defaults() {
        return Collections.unmodifiableMap(defaults);
    }

    /** A burst names an escalation rule that names it back; an escalation belongs to a burst. */
    private void checkReferences() {
        for (RuleDefinition rule : byId.values()) {
            if (rule.logic() instanceof RuleLogic.Burst burst && burst.escalation() != null) {
                RuleDefinition escalation = byId.get(burst.escalation());
                if (escalation == null || !(escalation.logic() instanceof RuleLogic.Escalation e) || !e.of().equals(rule.id())) {
                    throw new CatalogueException(rule.source(), 0, rule.id(), "escalation", "names " + burst.escalation()
                            + ", which must be a rule with shape: escalation and of: " + rule.id());
                }
            }
            if (rule.logic() instanceof RuleLogic.Escalation escalation) {
                RuleDefinition of = byId.get(escalation.of());
                if (of == null || !(of.logic() instanceof RuleLogic.Burst burst) || !rule.id().equals(burst.escalation())) {
                    throw new CatalogueException(rule.source(), 0, rule.id(), "of", "names " + escalation.of()
                            + ", which must be a burst-then-success rule with escalation: " + rule.id());
                }
            }
        }
    }

    private static String shippedText() {
        try (InputStream in = RuleCatalogue.class.getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource " + SHIPPED_RESOURCE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled rules.yaml", e);
        }
    }
}
