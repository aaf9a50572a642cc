package com.saypro.monitor.logengine.tail;

/** What the tailer last found at a watched path. */
public enum FileState {
    /** The file is open and being read. */
    FOLLOWING,
    /** Nothing at the path (not created yet, or deleted and not recreated). Not an error for a log file. */
    MISSING,
    /** Something is there but cannot be read: permissions, a directory, an I/O error. See the last error. */
    ERROR
}
