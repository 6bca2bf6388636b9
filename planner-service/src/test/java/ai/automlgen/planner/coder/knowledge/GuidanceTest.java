package ai.automlgen.planner.coder.knowledge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static ai.automlgen.planner.coder.knowledge.Component.of;
import static org.junit.jupiter.api.Assertions.assertEquals;

class GuidanceTest {
    private static final PipelineSpec PARENT = new PipelineSpec(of("data.tabular_frame"), List.of(of("preprocessing.standard_scaler")),
            List.of(of("feature.frequency_encoding")), of("model.logistic_regression", "C", 1.0), of("validation.stratified_kfold", "folds", 5),
            List.of(), List.of(), null, List.of(), false);

    private static Edit feature(String id) {
        return new Edit(Edit.FEATURES, "add " + id, PARENT.withFeatures(PipelineSpec.plus(PARENT.features(), of(id))));
    }

    @Test
    void rankIsTheBestRetrievalPositionAmongTheIds() {
        Guidance guidance = new Guidance(true, List.of("metric.accuracy", "feature.hog", "model.xgboost"));
        assertEquals(1, guidance.rank(List.of("model.xgboost", "feature.hog")));
        assertEquals(Integer.MAX_VALUE, guidance.rank(List.of("feature.lbp")));
        assertEquals(Integer.MAX_VALUE, new Guidance(true, null).rank(List.of("feature.hog")));
    }

    @Test
    void editsBringingInRetrievedEntitiesComeFirstInRetrievalOrderAndTheRestKeepTheirOrder() {
        Edit tune = new Edit(Edit.HYPERPARAMETERS, "raise C", PARENT.withModel(of("model.logistic_regression", "C", 3.0)));
        Edit crosses = feature("feature.feature_crosses");
        Edit dates = feature("feature.datetime_parts");
        Edit split = feature("feature.string_split");
        // frequency encoding is already in the parent: retrieving it again ranks no edit
        Guidance guidance = new Guidance(true, List.of("feature.frequency_encoding", "feature.string_split", "feature.datetime_parts"));
        assertEquals(List.of(split, dates, tune, crosses), guidance.order(List.of(tune, crosses, dates, split), PARENT));
        assertEquals(List.of(tune, crosses, dates, split), new Guidance(true, List.of()).order(List.of(tune, crosses, dates, split), PARENT));
    }
}
