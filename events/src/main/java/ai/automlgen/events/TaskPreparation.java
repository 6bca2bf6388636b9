package ai.automlgen.events;

/** What the evaluator answers on {@link Topics#TASK_PREPARATIONS}: the task is ready, or it is not. */
public sealed interface TaskPreparation extends RunEvent permits TaskPrepared, TaskRejected {
}
