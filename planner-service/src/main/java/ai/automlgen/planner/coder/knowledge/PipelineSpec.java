package ai.automlgen.planner.coder.knowledge;

import ai.automlgen.events.EventJson;
import ai.automlgen.planner.coder.CoderException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A pipeline as a tree of knowledge-base components; operators edit it and {@link ScriptRenderer}
 * turns it into one Python script. Stored with each node as JSON ({@code CodeResult.spec}).
 *
 * @param data           how rows are loaded and framed (data.tabular_frame, data.image_folder, data.image_pairs, data.span_text)
 * @param preprocessing  numeric and categorical preparation, in order, and target transforms
 * @param features       feature blocks added side by side
 * @param model          the primary model and its hyperparameters
 * @param validation     how the train rows are split to score and fit (holdout or k-fold flavours)
 * @param training       training strategies (early stopping, pseudo-labelling, tuning, TTA, augmentation)
 * @param ensemble       extra models whose predictions are blended with the primary model's
 * @param blend          how the models' predictions are combined (null with no ensemble)
 * @param postprocessing fixes applied to predictions (clipping, threshold tuning)
 * @param refit          train on every labelled row and write only the submission
 */
public record PipelineSpec(Component data, List<Component> preprocessing, List<Component> features, Component model,
                           Component validation, List<Component> training, List<Component> ensemble, Component blend,
                           List<Component> postprocessing, boolean refit) {

    public PipelineSpec {
        if (data == null || model == null || validation == null) {
            throw new IllegalArgumentException("a pipeline spec needs data, model and validation components");
        }
        preprocessing = preprocessing == null ? List.of() : List.copyOf(preprocessing);
        features = features == null ? List.of() : List.copyOf(features);
        training = training == null ? List.of() : List.copyOf(training);
        ensemble = ensemble == null ? List.of() : List.copyOf(ensemble);
        postprocessing = postprocessing == null ? List.of() : List.copyOf(postprocessing);
    }

    public static PipelineSpec of(Component data, List<Component> preprocessing, List<Component> features, Component model,
                                  Component validation) {
        return new PipelineSpec(data, preprocessing, features, model, validation, List.of(), List.of(), null, List.of(), false);
    }

    public static PipelineSpec fromJson(String json) {
        try {
            return EventJson.mapper().readValue(json, PipelineSpec.class);
        } catch (Exception e) {
            throw new CoderException("the node's spec is not a knowledge-coder pipeline spec (" + e.getMessage()
                    + "); use the coder that wrote the node, or draft a new one", e);
        }
    }

    public String toJson() {
        return EventJson.write(this);
    }

    /** Every component, in pipeline order. */
    public List<Component> components() {
        List<Component> all = new ArrayList<>();
        all.add(data);
        all.addAll(preprocessing);
        all.addAll(features);
        all.add(model);
        all.add(validation);
        all.addAll(training);
        all.addAll(ensemble);
        if (blend != null) {
            all.add(blend);
        }
        all.addAll(postprocessing);
        return all;
    }

    /** The primary model followed by the ensemble members. */
    public List<Component> models() {
        return Stream.concat(Stream.of(model), ensemble.stream()).toList();
    }

    public boolean has(String id) {
        return components().stream().anyMatch(c -> c.id().equals(id));
    }

    public PipelineSpec withData(Component changed) {
        return new PipelineSpec(changed, preprocessing, features, model, validation, training, ensemble, blend, postprocessing, refit);
    }

    public PipelineSpec withPreprocessing(List<Component> changed) {
        return new PipelineSpec(data, changed, features, model, validation, training, ensemble, blend, postprocessing, refit);
    }

    public PipelineSpec withFeatures(List<Component> changed) {
        return new PipelineSpec(data, preprocessing, changed, model, validation, training, ensemble, blend, postprocessing, refit);
    }

    public PipelineSpec withModel(Component changed) {
        return new PipelineSpec(data, preprocessing, features, changed, validation, training, ensemble, blend, postprocessing, refit);
    }

    public PipelineSpec withValidation(Component changed) {
        return new PipelineSpec(data, preprocessing, features, model, changed, training, ensemble, blend, postprocessing, refit);
    }

    public PipelineSpec withTraining(List<Component> changed) {
        return new PipelineSpec(data, preprocessing, features, model, validation, changed, ensemble, blend, postprocessing, refit);
    }

    public PipelineSpec withEnsemble(List<Component> members, Component how) {
        return new PipelineSpec(data, preprocessing, features, model, validation, training, members, how, postprocessing, refit);
    }

    public PipelineSpec withPostprocessing(List<Component> changed) {
        return new PipelineSpec(data, preprocessing, features, model, validation, training, ensemble, blend, changed, refit);
    }

    public PipelineSpec withRefit(boolean changed) {
        return new PipelineSpec(data, preprocessing, features, model, validation, training, ensemble, blend, postprocessing, changed);
    }

    /** The list with {@code added} appended (or replacing a component of the same id). */
    public static List<Component> plus(List<Component> list, Component added) {
        return Stream.concat(list.stream().filter(c -> !c.id().equals(added.id())), Stream.of(added)).toList();
    }

    public static List<Component> minus(List<Component> list, String id) {
        return list.stream().filter(c -> !c.id().equals(id)).toList();
    }

    /** The list with the component of this id changed by {@code change}; unchanged when absent. */
    public static List<Component> edit(List<Component> list, String id, UnaryOperator<Component> change) {
        return list.stream().map(c -> c.id().equals(id) ? change.apply(c) : c).toList();
    }
}
