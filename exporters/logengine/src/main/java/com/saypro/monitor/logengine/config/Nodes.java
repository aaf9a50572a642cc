package com.saypro.monitor.logengine.config;

import com.saypro.monitor.core.config.ConfigException;
import com.saypro.monitor.core.config.ConfigNode;
import java.util.List;
import java.util.Optional;

/** Small reading helpers over {@link ConfigNode}. */
final class Nodes {

    private Nodes() {
    }

    /** The items of the list at {@code key}; none when the key is absent. */
    static List<ConfigNode> items(ConfigNode map, String key) throws ConfigException {
        Optional<ConfigNode> list = map.get(key);
        return list.isEmpty() ? List.of() : list.get().items();
    }
}
