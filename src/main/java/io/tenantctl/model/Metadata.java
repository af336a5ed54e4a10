package io.tenantctl.model;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** {@code metadata}: the object's name and its optional labels and annotations, sorted. */
public record Metadata(String name, SortedMap<String, String> labels, SortedMap<String, String> annotations) {

    public Metadata {
        labels = frozen(labels);
        annotations = frozen(annotations);
    }

    /** Most objects have neither labels nor annotations: they share one empty map. */
    private static SortedMap<String, String> frozen(SortedMap<String, String> map) {
        return map.isEmpty() ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    public static Metadata named(String name) {
        return new Metadata(name, new TreeMap<>(), new TreeMap<>());
    }

    public static Metadata of(String name, Map<String, String> labels, Map<String, String> annotations) {
        return new Metadata(name, new TreeMap<>(labels), new TreeMap<>(annotations));
    }
}
