package com.saypro.monitor.logengine.tail;

/**
 * What one poll did.
 *
 * @param bytesRead     bytes read from all files
 * @param checkpointed  the positions were made durable at the end of this poll
 * @param moreAvailable some file hit the per-poll byte bound; poll again without waiting
 */
public record PollResult(long bytesRead, boolean checkpointed, boolean moreAvailable) {
}
