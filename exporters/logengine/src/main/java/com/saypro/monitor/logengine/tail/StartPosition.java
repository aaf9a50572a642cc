package com.saypro.monitor.logengine.tail;

/**
 * Where to start in a file that has no checkpoint and is already there when the engine starts for the first
 * time. Files that appear later are always read from the beginning: everything in them is new.
 */
public enum StartPosition {
    BEGINNING,
    /** Skip the history of a large existing log on the very first start. */
    END
}
