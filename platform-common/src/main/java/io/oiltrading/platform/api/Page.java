package io.oiltrading.platform.api;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the items, which page (from 0), its size, and how many items there are in all. */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** Most items one page may hold. */
    public static final int MAX_SIZE = 200;

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
