package ai.automlgen.knowledge.kb;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntityReaderTest {
    private static final String GOOD = """
              - id: model.xgboost
                kind: model
                level: model
                title: XGBoost
                modalities: [tabular]
                task_types: [binary, regression]
                summary: Boosted trees.
                when_to_use: Tabular data.
                when_to_avoid: Raw images.
                hyperparameters:
                  - {name: max_depth, type: int, low: 3, high: 10, default: 6}
                  - {name: learning_rate, type: float, low: 1e-3, high: 0.3, default: 0.05, log: true}
                  - {name: tree_method, type: choice, choices: [hist, approx], default: hist}
                packages: [xgboost]
                template: |
                  from xgboost import XGBClassifier
                  model = XGBClassifier(max_depth={{max_depth}}, tree_method={{tree_method}})
                tags: [gbdt]
            """;

    private static EntityReader.Result read(String entities) {
        return EntityReader.read("kb/model/test.yaml", "entities:\n" + entities);
    }

    private static String onlyProblem(EntityReader.Result result) {
        assertEquals(1, result.problems().size(), () -> "problems: " + result.problems());
        return result.problems().get(0).toString();
    }

    @Test
    void validEntityIsRead() {
        EntityReader.Result result = read(GOOD);
        assertEquals(List.of(), result.problems());
        Entity entity = result.entities().get(0);
        assertEquals("model.xgboost", entity.id());
        assertEquals(0.001, entity.hyperparameters().get(1).low().doubleValue());
        assertEquals("kb/model/test.yaml", entity.source());
    }

    @Test
    void defaultOutsideRangeNamesFileEntityAndField() {
        assertEquals("kb/model/test.yaml: entity model.xgboost: field hyperparameters[0].default: "
                        + "12 is outside [3, 10]; put the default inside the range",
                onlyProblem(read(GOOD.replace("high: 10, default: 6", "high: 10, default: 12"))));
    }

    @Test
    void invertedRangeIsRejected() {
        assertEquals("kb/model/test.yaml: entity model.xgboost: field hyperparameters[0].high: low 3 must be below high 2",
                onlyProblem(read(GOOD.replace("high: 10, default: 6", "high: 2, default: 2"))));
    }

    @Test
    void choiceDefaultMustBeAChoice() {
        assertEquals("kb/model/test.yaml: entity model.xgboost: field hyperparameters[2].default: "
                        + "'exact' is not one of the choices [hist, approx]",
                onlyProblem(read(GOOD.replace("default: hist", "default: exact"))));
    }

    @Test
    void unknownKindListsTheKinds() {
        String problem = onlyProblem(read(GOOD.replace("kind: model", "kind: modle")));
        assertTrue(problem.startsWith("kb/model/test.yaml: entity model.xgboost: field kind: 'modle' is not one of [model,"),
                problem);
    }

    @Test
    void levelMustFitKind() {
        assertEquals("kb/model/test.yaml: entity model.xgboost: field level: 'data' does not fit kind 'model'; use level model",
                onlyProblem(read(GOOD.replace("level: model", "level: data"))));
    }

    @Test
    void missingSummaryIsRequired() {
        assertEquals("kb/model/test.yaml: entity model.xgboost: field summary: required, non-empty text",
                onlyProblem(read(GOOD.replace("    summary: Boosted trees.\n", ""))));
    }

    @Test
    void packageOutsideRuntimeIsRejected() {
        String problem = onlyProblem(read(GOOD.replace("packages: [xgboost]", "packages: [lightgbm]")));
        assertTrue(problem.startsWith("kb/model/test.yaml: entity model.xgboost: field packages[0]: "
                + "'lightgbm' is not in the runtime"), problem);
    }

    @Test
    void templatePlaceholderWithoutHyperparameterIsRejected() {
        String problem = onlyProblem(read(GOOD.replace("{{max_depth}}", "{{depth}}")));
        assertTrue(problem.contains("field template: placeholder {{depth}} names no hyperparameter"), problem);
    }

    @Test
    void misspelledFieldIsRejected() {
        String problem = onlyProblem(read(GOOD.replace("when_to_avoid:", "when_to_avod:")
                .replace("    tags: [gbdt]", "    when_to_avoid: x\n    tags: [gbdt]")));
        assertTrue(problem.contains("field when_to_avod: unknown field"), problem);
    }

    @Test
    void pitfallNeedsSignatureAndFix() {
        String pitfall = """
                  - id: pitfall.nan
                    kind: pitfall
                    level: pitfall
                    title: NaN in input
                    summary: The estimator got NaN.
                """;
        EntityReader.Result result = read(pitfall);
        assertEquals(List.of("error_signatures", "fix"), result.problems().stream().map(LoadProblem::field).toList());
    }

    @Test
    void invalidSignatureRegexIsRejected() {
        String pitfall = """
                  - id: pitfall.nan
                    kind: pitfall
                    level: pitfall
                    title: NaN in input
                    summary: The estimator got NaN.
                    error_signatures: ["Input contains (NaN"]
                    fix: Impute first.
                """;
        String problem = onlyProblem(read(pitfall));
        assertTrue(problem.startsWith("kb/model/test.yaml: entity pitfall.nan: field error_signatures[0]: not a valid regex"),
                problem);
    }

    @Test
    void pythonNamedGroupsCompile() {
        assertTrue(EntityReader.compileSignature("KeyError: (?P<q>['\"])(?P<col>\\w+)(?P=q)")
                .matcher("KeyError: 'price'").find());
    }

    @Test
    void badEntityIsSkippedAndGoodOnesKept() {
        EntityReader.Result result = read(GOOD + GOOD.replace("model.xgboost", "model.Bad-Id"));
        assertEquals(List.of("model.xgboost"), result.entities().stream().map(Entity::id).toList());
        assertEquals("kb/model/test.yaml: entity #2 (model.Bad-Id): field id: 'model.Bad-Id' is not "
                + "<kind>.<snake_case_name> with only a-z, 0-9, _ and .", onlyProblem(result));
    }

    @Test
    void invalidYamlNamesTheLine() {
        EntityReader.Result result = EntityReader.read("x.yaml", "entities:\n  - id: [unclosed\n");
        assertTrue(onlyProblem(result).startsWith("x.yaml: not valid YAML at line"), onlyProblem(result));
    }

    @Test
    void fileWithoutEntitiesListSaysTheFormat() {
        assertEquals("x.yaml: field entities: missing top-level 'entities:' list; an entity file is a map "
                + "with one key, entities, holding a list", onlyProblem(EntityReader.read("x.yaml", "- id: a.b\n")));
    }

    @Test
    void duplicateIdAcrossFilesKeepsTheFirst() {
        KnowledgeBase base = KnowledgeBase.of(List.of(read(GOOD), EntityReader.read("extra/mine.yaml", "entities:\n" + GOOD)));
        assertEquals(1, base.size());
        assertEquals("extra/mine.yaml: entity model.xgboost: field id: duplicate id, already defined in "
                + "kb/model/test.yaml; rename one of them", base.problems().get(0).toString());
    }
}
