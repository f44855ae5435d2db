package org.notmono.fx.task;

import org.notmono.task.TaskContext;

/** A unit of long work: runs off the FX thread, reports to its context, returns a result. */
@FunctionalInterface
public interface Job<T> {
    T run(TaskContext context) throws Exception;
}
