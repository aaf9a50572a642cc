package com.saypro.monitor.logengine.rules;

import io.prometheus.metrics.model.snapshots.PrometheusNaming;
import java.util.Objects;

/** A declared label of a metric rule and where its value comes from. */
public record Label(String name, LabelSource source) {

    public Label {
        Objects.requireNonNull(source, "source");
        if (name == null || !PrometheusNaming.isValidLegacyLabelName(name) || name.startsWith("__")) {
            throw new IllegalArgumentException("illegal label name '" + name + "'");
        }
    }

    public static Label fromField(String name, String field) {
        return new Label(name, LabelSource.field(field));
    }

    /** A label named after the field it is read from, the common case ({@code route}, {@code status}). */
    public static Label fromField(String name) {
        return fromField(name, name);
    }

    public static Label constant(String name, String value) {
        return new Label(name, LabelSource.constant(value));
    }
}
